# zonewatch — Burmese (my).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The web application (`zonewatch serve`): the words of every page.

## Around every page

nav-dashboard = ခြုံငုံကြည့်ရန်
nav-sites = နေရာများ
nav-records = မှတ်တမ်းများ
nav-evidence = အထောက်အထား
nav-report = အစီရင်ခံစာ
nav-search = ရှာဖွေရန်
nav-search-placeholder = အမည်၊ အမည်ဝှက်၊ ကြော်ငြာ ရှာရန်
nav-account = အကောင့်
nav-tokens = တိုကင်များ
nav-logout = ထွက်ရန်
role-admin = စီမံခန့်ခွဲသူ
role-investigator = စုံစမ်းစစ်ဆေးသူ
role-analyst = သုံးသပ်သူ
role-viewer = ကြည့်ရှုသူ
error-title = အမှား

## Logging in

login-title = ဝင်ရောက်ရန်
login-user = အသုံးပြုသူအမည်
login-password = စကားဝှက်
login-form-expired = ဖောင်သက်တမ်းကုန်သွားပြီ သို့မဟုတ် ဤဆိုက်မှ မဟုတ်ပါ- ထပ်မံကြိုးစားပါ
login-too-many = ဤနေရာမှ ဝင်ရောက်မှု မအောင်မြင်သည်မှာ များလွန်းသည်- မိနစ် ၁၅ စောင့်ပါ
login-wrong = အသုံးပြုသူအမည် သို့မဟုတ် စကားဝှက် မှားနေသည်

## The account page

account-title = အကောင့်
account-logged-in-as = { $name } အဖြစ် ဝင်ရောက်ထားသည်၊ အခန်းကဏ္ဍ { $role }။
account-must-change = စီမံခန့်ခွဲသူက သင့်စကားဝှက်ကို သတ်မှတ်ထားသည်- ဆက်မလုပ်မီ သင့်ကိုယ်ပိုင် စကားဝှက်ကို ရွေးပါ။
account-changed = သင့်စကားဝှက်ကို ပြောင်းပြီးပါပြီ၊ သင်၏ အခြား ဆက်ရှင်များကို အဆုံးသတ်ပြီးပါပြီ။
account-language = ဘာသာစကား
account-language-label = စာမျက်နှာနှင့် အစီရင်ခံစာများ၏ ဘာသာစကား
account-language-browser = ကျွန်ုပ်၏ ဘရောက်ဆာ တောင်းဆိုသည့်အတိုင်း
account-language-hint = ဤဘရောက်ဆာတွင် သိမ်းထားသည် (ကွတ်ကီး)။ ?lang= ပါသော လင့်ခ်သည် စာမျက်နှာတစ်ခုကို အခြားဘာသာဖြင့် ပြသည်။
account-language-save = ဘာသာစကား သိမ်းရန်
account-language-saved = သင့်ဘာသာစကားကို သိမ်းပြီးပါပြီ။
account-change-password = စကားဝှက် ပြောင်းရန်
account-current-password = လက်ရှိ စကားဝှက်
account-new-password = စကားဝှက်အသစ်
account-new-password-again = စကားဝှက်အသစ် ထပ်မံ
account-password-hint = အနည်းဆုံး စာလုံး ၁၀ လုံး။ ပြောင်းသည့်အခါ သင်၏ အခြား ဆက်ရှင်များ ပြီးဆုံးမည်။
account-change-password-button = စကားဝှက် ပြောင်းရန်
account-too-many = စကားဝှက် မှားသည်မှာ များလွန်းသည်- မိနစ် ၁၅ စောင့်ပါ
account-enter-current = လက်ရှိ စကားဝှက်ကို ထည့်ပါ
account-passwords-differ = စကားဝှက်အသစ် နှစ်ခု မတူပါ
account-current-wrong = လက်ရှိ စကားဝှက် မှားနေသည်

## API tokens (admins)

tokens-title = API တိုကင်များ
tokens-made-with = ပြုလုပ်ပုံ
tokens-intro = ; ၎င်း၏ SHA-256 ကိုသာ သိမ်းထားပြီး id သည် ၎င်း၏ ပထမ ဂဏန်း ၁၂ လုံး ဖြစ်သည်။ ရုပ်သိမ်းထားသော တိုကင်ကို ချက်ချင်း ငြင်းပယ်သည်။
tokens-none = တိုကင် မရှိပါ။
tokens-user = အသုံးပြုသူ
tokens-created = ဖန်တီးချိန်
tokens-last-used = နောက်ဆုံး အသုံးပြုချိန်
tokens-never = တစ်ခါမျှ မသုံးရသေး
tokens-revoke = ရုပ်သိမ်းရန်
tokens-revoked = တိုကင် { $id } ကို ရုပ်သိမ်းပြီးပါပြီ- ယခုမှစ၍ ငြင်းပယ်မည်။

## The dashboard

dash-public-note = အများပြည်သူ ကိန်းဂဏန်းများ- ၅ ထက်နည်းသော လူဦးရေနှင့် ဖြစ်ရပ်အရေအတွက်များကို <5 ဟု ပြသည်။
dash-reports = အစီရင်ခံစာများ
dash-internal = အတွင်းရေး-
dash-html-charts = ဇယားကွက်များနှင့် နည်းလမ်းများပါသော HTML
dash-download-html = HTML ဒေါင်းလုဒ်
dash-public = အများပြည်သူ (အရေအတွက်နည်းများကို ဖုံးထား၊ မည်သူ့ကိုမျှ စာရင်းမပြ)-
dash-fig-scam-compounds = လိမ်လည်မှု စခန်းများ
dash-fig-suspected-sites = သံသယရှိသော နေရာများ
dash-fig-raided = စီးနင်းခံရ သို့မဟုတ် ကယ်ဆယ်ခဲ့သော နေရာများ
dash-fig-operating-after = ကြားဝင်ဆောင်ရွက်ပြီးနောက် လုပ်ငန်းဆက်လုပ်
dash-fig-not-operating-after = နောက်ပိုင်း လုပ်ငန်းမလုပ်
dash-fig-uncertain = မသေချာ
dash-fig-unobserved = ထိုအချိန်မှစ၍ မလေ့လာရ
dash-fig-survivors = တွေ့ဆုံမေးမြန်းခဲ့သော အသက်ရှင်ကျန်ရစ်သူများ
dash-fig-minors = တွေ့ဆုံမေးမြန်းခဲ့သော အရွယ်မရောက်သူများ
dash-fig-deaths = သေဆုံးမှုများ
dash-fig-trafficking = လူကုန်ကူးမှု လက္ခဏာပြ
dash-fig-forced-labour = အဓမ္မလုပ်အား လက္ခဏာပြ

## Sites

sites-new = နေရာအသစ်
sites-any = အားလုံး
sites-province = ပြည်နယ်/တိုင်း
sites-filter = စစ်ထုတ်ရန်
sites-count = နေရာ { $count } ခု။
site-id = id
site-country = { $name } ({ $code })
site-edit = နေရာ ပြင်ဆင်ရန်
site-add-status = အခြေအနေ လေ့လာချက် ထည့်ရန်
site-add-intervention = ကြားဝင်ဆောင်ရွက်မှု ထည့်ရန်
site-timeline = အခြေအနေနှင့် ကြားဝင်ဆောင်ရွက်မှုများ
site-timeline-role = အချိန်စဉ်ကို ကြည့်ရန် သုံးသပ်သူ အခန်းကဏ္ဍ သို့မဟုတ် ထို့ထက်မြင့်သည် လိုအပ်သည်။
site-record = မှတ်တမ်း

## Records: lists, pages and forms

records-title = မှတ်တမ်းများ- { $kind }
records-filter = အမည်၊ အမည်ဝှက် သို့မဟုတ် ခေါင်းစဉ်တွင် ပါဝင်သည်
records-new = အသစ်
records-id = Id
records-name = အမည်
records-date = ရက်စွဲ
records-sensitivity = လျှို့ဝှက်မှုအဆင့်
records-next = နောက်စာမျက်နှာ
record-withheld = ဤမှတ်တမ်းတွင် မပြသော ကန့်သတ်ထားသည့် အကွက်များ ရှိသည်- သင့်အခန်းကဏ္ဍက ဖတ်ခွင့်မရှိပါ၊ သို့မဟုတ် ဆာဗာကို စကားစုဝှက် မပါဘဲ စတင်ထားသည်။
record-edit = ပြင်ဆင်ရန်
record-legal-tests = ဥပဒေဆိုင်ရာ စစ်ဆေးချက်များ
record-evidence = အထောက်အထား ဖိုင်များ
form-new = { $kind } အသစ်
form-edit = { $kind } { $id } ပြင်ဆင်ရန်
form-restricted = ကန့်သတ်ထား
form-save = သိမ်းရန်

## Search

search-title = ရှာဖွေရန်
search-label = အမည်၊ အမည်ဝှက်၊ ခေါင်းစဉ်၊ ဖော်ပြချက်၊ မှတ်စုနှင့် ကြော်ငြာစာသားများထဲမှ စကားလုံးများ
search-button = ရှာရန်
search-restricted-note = ကန့်သတ်ထားသော အကွက်များ (တရားဝင်အမည်၊ မေးမြန်းချက် မှတ်တမ်း၊ ကန့်သတ်မှတ်တမ်းများ၏ စာသား) ကို ဘယ်တော့မှ မရှာပါ။
search-nothing = စကားလုံးအားလုံးနှင့် ကိုက်ညီသည် မရှိပါ။
search-kind = အမျိုးအစား
search-found-in = တွေ့ရှိရာ
search-limited = ပထမ { $count } ခုကိုသာ ပြသည်- ရှာဖွေမှု ကျဉ်းစေရန် စကားလုံး ထပ်ထည့်ပါ။

## Evidence

evidence-title = အထောက်အထား
evidence-for = ၏
evidence-intro = ဖိုင်များကို စုဆောင်းသည့်အတိုင်း သိမ်းထားပြီး ထည့်သွင်းချိန်တွင် SHA-256 ကို တွက်ထားသည်။ လူပုဂ္ဂိုလ်၊ ထွက်ဆိုချက်နှင့် ကန့်သတ်မှတ်တမ်းများ၏ ဖိုင်များကို တံဆိပ်ခတ်ထားပြီး သော့ပါ ဟက်ရှ်ဖြင့် ညွှန်းသည်။
evidence-none = အထောက်အထား ဖိုင် မရှိပါ။
evidence-record = မှတ်တမ်း
evidence-sealed-column = တံဆိပ်ခတ်
evidence-sealed = တံဆိပ်ခတ်ထား
evidence-open = ဖွင့်ထား
evidence-stored = သိမ်းဆည်းပုံ
evidence-file-name = ဖိုင်အမည်
evidence-sha256 = ထည့်သွင်းချိန် SHA-256
evidence-size = အရွယ်အစား
evidence-bytes = { $count } ဘိုက်
evidence-collected-by = စုဆောင်းသူ
evidence-collected-at = စုဆောင်းချိန်
evidence-note = မှတ်စု
evidence-metadata = မက်တာဒေတာ
evidence-metadata-sealed = တံဆိပ်ခတ်ထား- သင့်အခန်းကဏ္ဍက ဖွင့်ခွင့်မရှိပါ၊ သို့မဟုတ် ဆာဗာကို စကားစုဝှက် မပါဘဲ စတင်ထားသည်
evidence-download = မူရင်းကို ဒေါင်းလုဒ်ဆွဲရန်
evidence-download-note = (ထိန်းသိမ်းမှု ကွင်းဆက်တွင် မှတ်တမ်းတင်သည်)
evidence-custody = ထိန်းသိမ်းမှု ကွင်းဆက်
evidence-time = အချိန်
evidence-who = မည်သူ
evidence-event = ဖြစ်ရပ်
evidence-audit-hash = စာရင်းစစ် ဟက်ရှ်
evidence-add = ဖိုင် ထည့်ရန်
evidence-record-id = မှတ်တမ်း id
evidence-file = ဖိုင်
evidence-add-button = ထည့်ရန်
