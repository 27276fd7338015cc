# zonewatch — Burmese (my).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The field table (crates/model/src/fields.rs): a label per field, `-help` where a
### field says how to write it, and a label per vocabulary value.


## source

field-source-id = Id
field-source-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-source-title = ခေါင်းစဉ်
field-source-type = အမျိုးအစား
field-source-url = URL
field-source-date = ရက်စွဲ
field-source-date-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-source-publisher = ထုတ်ဝေသူ
field-source-sha256 = မော်ကွန်းမိတ္တူ၏ SHA-256
field-source-sources = ရင်းမြစ်များ
field-source-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-source-sensitivity = လျှို့ဝှက်မှုအဆင့်

## organization

field-organization-id = Id
field-organization-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-organization-name = အမည်
field-organization-type = အမျိုးအစား
field-organization-aliases = အခြားအမည်များ
field-organization-aliases-help = ကော်မာဖြင့် ခွဲထား
field-organization-country = နိုင်ငံ
field-organization-country-help = ISO 3166-1 alpha-2၊ ဥပမာ KH
field-organization-sources = ရင်းမြစ်များ
field-organization-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-organization-sensitivity = လျှို့ဝှက်မှုအဆင့်

## site

field-site-id = Id
field-site-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-site-name = အမည်
field-site-category = အမျိုးအစား
field-site-country = နိုင်ငံ
field-site-country-help = ISO 3166-1 alpha-2၊ ဥပမာ KH
field-site-admin1 = ပြည်နယ် / တိုင်း
field-site-admin2 = ခရိုင် / မြို့
field-site-lat = လတ္တီတွဒ်
field-site-lon = လောင်ဂျီတွဒ်
field-site-former_use = ယခင် အသုံးပြုပုံ
field-site-aliases = အခြားအမည်များ
field-site-aliases-help = ကော်မာဖြင့် ခွဲထား
field-site-operators = လည်ပတ်သူများ
field-site-operators-help = အဖွဲ့အစည်း id များ၊ ကော်မာဖြင့် ခွဲထား
field-site-sources = ရင်းမြစ်များ
field-site-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-site-sensitivity = လျှို့ဝှက်မှုအဆင့်

## site_status

field-site_status-id = Id
field-site_status-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-site_status-site = နေရာ
field-site_status-date = ရက်စွဲ
field-site_status-date-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-site_status-status = အခြေအနေ
field-site_status-basis = အခြေခံ
field-site_status-relocated_to = ပြောင်းရွှေ့သွားသည့်နေရာ
field-site_status-note = မှတ်စု
field-site_status-sources = ရင်းမြစ်များ
field-site_status-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-site_status-sensitivity = လျှို့ဝှက်မှုအဆင့်

## intervention

field-intervention-id = Id
field-intervention-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-intervention-site = နေရာ
field-intervention-date = ရက်စွဲ
field-intervention-date-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-intervention-type = အမျိုးအစား
field-intervention-agencies = အေဂျင်စီများ
field-intervention-agencies-help = အဖွဲ့အစည်း id များ၊ ကော်မာဖြင့် ခွဲထား
field-intervention-persons_removed = ထုတ်ယူခဲ့သူ အရေအတွက်
field-intervention-persons_arrested = ဖမ်းဆီးခံရသူ အရေအတွက်
field-intervention-note = မှတ်စု
field-intervention-sources = ရင်းမြစ်များ
field-intervention-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-intervention-sensitivity = လျှို့ဝှက်မှုအဆင့်

## person

field-person-id = Id
field-person-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-person-alias = အမည်ဝှက်
field-person-alias-help = အမည်ဝှက်၊ တရားဝင်အမည် ဘယ်တော့မှ မဟုတ်
field-person-roles = အခန်းကဏ္ဍများ
field-person-roles-help = ကော်မာဖြင့် ခွဲထား- survivor, victim, witness, perpetrator, recruiter
field-person-nationality = နိုင်ငံသား
field-person-nationality-help = ISO 3166-1 alpha-2၊ ဥပမာ KH
field-person-gender = ကျား/မ
field-person-age_at_entry = စုဆောင်းခံရစဉ် သို့မဟုတ် ပထမဆုံး ထိန်းသိမ်းခံရစဉ် အသက်
field-person-recruitment-channel = စုဆောင်းခံရသည့် လမ်းကြောင်း
field-person-recruitment-promised_job = ကတိပေးထားသော အလုပ်
field-person-recruitment-promised_salary_usd = ကတိပေးထားသော လစာ (တစ်လလျှင် USD)
field-person-recruitment-date = စုဆောင်းခံရသည့်ရက်
field-person-recruitment-date-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-person-recruitment-ad = လူစုဆောင်းရေး ကြော်ငြာ
field-person-custody = ထိန်းသိမ်းခံရသည့် နေရာ
field-person-custody-help = တစ်ကြောင်းလျှင် ထိန်းသိမ်းခံရမှု တစ်ကြိမ်- `site id; from; to` (ရက်စွဲ ချန်ထားနိုင်)
field-person-exit = ထွက်ခွာပုံ
field-person-pii-legal_name = တရားဝင်အမည်
field-person-pii-date_of_birth = မွေးသက္ကရာဇ်
field-person-pii-date_of_birth-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-person-pii-contact = ဆက်သွယ်ရန်
field-person-pii-document_numbers = စာရွက်စာတမ်း နံပါတ်များ
field-person-pii-document_numbers-help = ကော်မာဖြင့် ခွဲထား
field-person-pii-address = လိပ်စာ
field-person-sources = ရင်းမြစ်များ
field-person-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-person-sensitivity = လျှို့ဝှက်မှုအဆင့်

## testimony

field-testimony-id = Id
field-testimony-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-testimony-person = လူပုဂ္ဂိုလ်
field-testimony-date = တွေ့ဆုံမေးမြန်းသည့် ရက်စွဲ
field-testimony-date-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-testimony-consent = သဘောတူညီချက်
field-testimony-language = ဘာသာစကား
field-testimony-language-help = BCP 47၊ ဥပမာ km သို့မဟုတ် zh-Hans
field-testimony-interviewer = မေးမြန်းသူ
field-testimony-transcript = မေးမြန်းချက် မှတ်တမ်း
field-testimony-findings = တွေ့ရှိချက်များ
field-testimony-findings-help = တစ်ကြောင်းလျှင် တစ်ခု- `code; site id; date; note` (ကုဒ်မှလွဲ၍ ကွက်လပ်ထားနိုင်)
field-testimony-sources = ရင်းမြစ်များ
field-testimony-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-testimony-sensitivity = လျှို့ဝှက်မှုအဆင့်

## incident

field-incident-id = Id
field-incident-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-incident-type = အမျိုးအစား
field-incident-date = ရက်စွဲ
field-incident-date-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-incident-site = နေရာ
field-incident-victims = ထိခိုက်ခံရသူများ
field-incident-victims-help = လူပုဂ္ဂိုလ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-incident-perpetrators = ကျူးလွန်သူများ
field-incident-perpetrators-help = လူပုဂ္ဂိုလ် သို့မဟုတ် အဖွဲ့အစည်း id များ၊ ကော်မာဖြင့် ခွဲထား
field-incident-testimony = ထွက်ဆိုချက်
field-incident-description = ဖော်ပြချက်
field-incident-sources = ရင်းမြစ်များ
field-incident-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-incident-sensitivity = လျှို့ဝှက်မှုအဆင့်

## ad

field-ad-id = Id
field-ad-id-help = A-Z a-z 0-9 . _ : - စာလုံး ၁ မှ ၁၂၈ လုံး
field-ad-platform = ပလက်ဖောင်း
field-ad-text = စာသား
field-ad-url = URL
field-ad-posted = တင်သည့်ရက်
field-ad-posted-help = YYYY, YYYY-MM သို့မဟုတ် YYYY-MM-DD
field-ad-language = ဘာသာစကား
field-ad-language-help = BCP 47၊ ဥပမာ km သို့မဟုတ် zh-Hans
field-ad-sources = ရင်းမြစ်များ
field-ad-sources-help = ရင်းမြစ် id များ၊ ကော်မာဖြင့် ခွဲထား
field-ad-sensitivity = လျှို့ဝှက်မှုအဆင့်

## values

value-agency = အေဂျင်စီ
value-anonymous_use = အမည်မဖော်ဘဲ အသုံးပြုရန်
value-beating = ရိုက်နှက်ခြင်း
value-casino = ကာစီနို
value-child_labour = ကလေးလုပ်သား
value-closed = ပိတ်ထား
value-closure_order = ပိတ်ရန် အမိန့်
value-company = ကုမ္ပဏီ
value-confinement = ချုပ်နှောင်ခြင်း
value-court_record = တရားရုံး မှတ်တမ်း
value-criminal_group = ရာဇဝတ်ဂိုဏ်း
value-death = သေဆုံးခြင်း
value-debt_bondage = ကြွေးမြီ ချုပ်နှောင်မှု
value-deported = နှင်ထုတ်ခံရ
value-died = သေဆုံး
value-document_confiscation = စာရွက်စာတမ်း သိမ်းဆည်းခြင်း
value-electric_shock = လျှပ်စစ်ဖြင့် တို့ခြင်း
value-escaped = လွတ်မြောက်ခဲ့
value-facebook = Facebook
value-female = အမျိုးသမီး
value-field_visit = ကွင်းဆင်းလေ့လာမှု
value-forced_criminality = ရာဇဝတ်မှု ကျူးလွန်ရန် အတင်းအကျပ်ခိုင်းစေခြင်း
value-government = အစိုးရ
value-government_agency = အစိုးရ အေဂျင်စီ
value-government_data = အစိုးရ ဒေတာ
value-hotel = ဟိုတယ်
value-industrial = စက်မှု
value-inspection = စစ်ဆေးမှု
value-instagram = Instagram
value-internal = အတွင်းရေး
value-internal_only = အတွင်းရေးသာ
value-interview = တွေ့ဆုံမေးမြန်းမှု
value-job_board = အလုပ်ခေါ်စာ ဝက်ဘ်ဆိုက်
value-law_enforcement = ဥပဒေစိုးမိုးရေး
value-line = LINE
value-male = အမျိုးသား
value-media = မီဒီယာ
value-ngo = အစိုးရမဟုတ်သော အဖွဲ့အစည်း
value-ngo_data = အစိုးရမဟုတ်သော အဖွဲ့အစည်း ဒေတာ
value-office = ရုံးခန်း
value-operating = လုပ်ငန်းလည်ပတ်နေ
value-other = အခြား
value-perpetrator = ကျူးလွန်သူ
value-personal_contact = ကိုယ်ပိုင် အဆက်အသွယ်
value-platform = ပလက်ဖောင်း
value-public = အများပြည်သူ
value-public_use = အများသုံးနိုင်
value-raid = စီးနင်းမှု
value-ransom_paid = ပြန်ရွေးငွေ ပေးခဲ့
value-recruiter = လူစုဆောင်းသူ
value-released = ပြန်လွှတ်ခံရ
value-relocated = နေရာပြောင်းသွား
value-report = အစီရင်ခံစာ
value-rescue = ကယ်ဆယ်မှု
value-rescued = ကယ်ဆယ်ခံရ
value-residential = လူနေအိမ်
value-restricted = ကန့်သတ်ထား
value-sale_or_transfer = ရောင်းချခြင်း သို့မဟုတ် လွှဲပြောင်းခြင်း
value-satellite_imagery = ဂြိုဟ်တုဓာတ်ပုံ
value-scam_compound = လိမ်လည်မှု စခန်း
value-sexual_violence = လိင်ပိုင်းဆိုင်ရာ အကြမ်းဖက်မှု
value-social_media = လူမှုကွန်ရက်
value-sold_or_transferred = ရောင်းချ သို့မဟုတ် လွှဲပြောင်းခံရ
value-special_economic_zone = အထူးစီးပွားရေးဇုန်
value-still_held = ဆက်လက် ထိန်းသိမ်းခံနေရ
value-survivor = အသက်ရှင်ကျန်ရစ်သူ
value-suspected_site = သံသယရှိသော နေရာ
value-telegram = Telegram
value-testimony = ထွက်ဆိုချက်
value-threat = ခြိမ်းခြောက်မှု
value-tiktok = TikTok
value-torture = ညှဉ်းပန်းနှိပ်စက်မှု
value-under_construction = တည်ဆောက်ဆဲ
value-unknown = မသိ
value-victim = ထိခိုက်ခံရသူ
value-wechat = WeChat
value-whatsapp = WhatsApp
value-withdrawn = ရုပ်သိမ်းထား
value-withheld_wages = လုပ်ခ ထိန်းထားခြင်း
value-witness = သက်သေ
value-x = X

## Record kinds: a name, and a plural for lists

kind-source = ရင်းမြစ်
kind-source-plural = ရင်းမြစ်များ
kind-organization = အဖွဲ့အစည်း
kind-organization-plural = အဖွဲ့အစည်းများ
kind-site = နေရာ
kind-site-plural = နေရာများ
kind-site_status = နေရာ အခြေအနေ
kind-site_status-plural = နေရာ အခြေအနေများ
kind-intervention = ကြားဝင်ဆောင်ရွက်မှု
kind-intervention-plural = ကြားဝင်ဆောင်ရွက်မှုများ
kind-person = လူပုဂ္ဂိုလ်
kind-person-plural = လူပုဂ္ဂိုလ်များ
kind-testimony = ထွက်ဆိုချက်
kind-testimony-plural = ထွက်ဆိုချက်များ
kind-incident = ဖြစ်ရပ်
kind-incident-plural = ဖြစ်ရပ်များ
kind-ad = ကြော်ငြာ
kind-ad-plural = ကြော်ငြာများ

## Countries (ISO 3166-1 alpha-2), short names

country-AF = အာဖဂန်နစ္စတန်
country-AU = ဩစတြေးလျ
country-BD = ဘင်္ဂလားဒေ့ရှ်
country-BN = ဘရူနိုင်း
country-BR = ဘရာဇီး
country-BT = ဘူတန်
country-CA = ကနေဒါ
country-CM = ကင်မရွန်း
country-CN = တရုတ်
country-CZ = ချက်
country-DE = ဂျာမနီ
country-EG = အီဂျစ်
country-ER = အီရီထရီးယား
country-ET = အီသီယိုပီးယား
country-FR = ပြင်သစ်
country-GB = ယူနိုက်တက်ကင်းဒမ်း
country-GH = ဂါနာ
country-HK = ဟောင်ကောင်
country-ID = အင်ဒိုနီးရှား
country-IN = အိန္ဒိယ
country-IR = အီရန်
country-JP = ဂျပန်
country-KE = ကင်ညာ
country-KG = ကာဂျစ္စတန်
country-KH = ကမ္ဘောဒီးယား
country-KR = တောင်ကိုရီးယား
country-KZ = ကာဇက်စတန်
country-LA = လာအို
country-LK = သီရိလင်္ကာ
country-MA = မော်ရိုကို
country-MM = မြန်မာ
country-MN = မွန်ဂိုလီးယား
country-MO = မကာအို
country-MY = မလေးရှား
country-NG = နိုင်ဂျီးရီးယား
country-NP = နီပေါ
country-NZ = နယူးဇီလန်
country-PH = ဖိလစ်ပိုင်
country-PK = ပါကစ္စတန်
country-RU = ရုရှား
country-SG = စင်္ကာပူ
country-TH = ထိုင်း
country-TJ = တာဂျစ်ကစ္စတန်
country-TL = အရှေ့တီမော
country-TR = တူရကီ
country-TW = ထိုင်ဝမ်
country-TZ = တန်ဇေးနီးယား
country-UA = ယူကရိန်း
country-UG = ယူဂန်ဒါ
country-US = အမေရိကန်ပြည်ထောင်စု
country-UZ = ဥဇဘက်ကစ္စတန်
country-VN = ဗီယက်နမ်
country-ZA = တောင်အာဖရိက
