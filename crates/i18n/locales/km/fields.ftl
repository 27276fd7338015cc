# zonewatch — Khmer (km).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The field table (crates/model/src/fields.rs): a label per field, `-help` where a
### field says how to write it, and a label per vocabulary value.


## source

field-source-id = លេខសម្គាល់
field-source-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-source-title = ចំណងជើង
field-source-type = ប្រភេទ
field-source-url = URL
field-source-date = កាលបរិច្ឆេទ
field-source-date-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-source-publisher = អ្នកបោះពុម្ពផ្សាយ
field-source-sha256 = SHA-256 នៃច្បាប់ចម្លងដែលបានរក្សាទុក
field-source-sources = ប្រភព
field-source-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-source-sensitivity = កម្រិតរសើប

## organization

field-organization-id = លេខសម្គាល់
field-organization-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-organization-name = ឈ្មោះ
field-organization-type = ប្រភេទ
field-organization-aliases = ឈ្មោះផ្សេង
field-organization-aliases-help = បំបែកដោយសញ្ញាក្បៀស
field-organization-country = ប្រទេស
field-organization-country-help = ISO 3166-1 alpha-2 ឧ. KH
field-organization-sources = ប្រភព
field-organization-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-organization-sensitivity = កម្រិតរសើប

## site

field-site-id = លេខសម្គាល់
field-site-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-site-name = ឈ្មោះ
field-site-category = ប្រភេទ
field-site-country = ប្រទេស
field-site-country-help = ISO 3166-1 alpha-2 ឧ. KH
field-site-admin1 = ខេត្ត / រដ្ឋ
field-site-admin2 = ស្រុក / ក្រុង
field-site-lat = រយៈទទឹង
field-site-lon = រយៈបណ្តោយ
field-site-former_use = ការប្រើប្រាស់ពីមុន
field-site-aliases = ឈ្មោះផ្សេង
field-site-aliases-help = បំបែកដោយសញ្ញាក្បៀស
field-site-operators = អ្នកដំណើរការ
field-site-operators-help = លេខសម្គាល់អង្គការ បំបែកដោយសញ្ញាក្បៀស
field-site-sources = ប្រភព
field-site-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-site-sensitivity = កម្រិតរសើប

## site_status

field-site_status-id = លេខសម្គាល់
field-site_status-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-site_status-site = ទីតាំង
field-site_status-date = កាលបរិច្ឆេទ
field-site_status-date-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-site_status-status = ស្ថានភាព
field-site_status-basis = មូលដ្ឋាន
field-site_status-relocated_to = ផ្លាស់ទៅ
field-site_status-note = កំណត់ចំណាំ
field-site_status-sources = ប្រភព
field-site_status-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-site_status-sensitivity = កម្រិតរសើប

## intervention

field-intervention-id = លេខសម្គាល់
field-intervention-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-intervention-site = ទីតាំង
field-intervention-date = កាលបរិច្ឆេទ
field-intervention-date-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-intervention-type = ប្រភេទ
field-intervention-agencies = ស្ថាប័ន
field-intervention-agencies-help = លេខសម្គាល់អង្គការ បំបែកដោយសញ្ញាក្បៀស
field-intervention-persons_removed = ចំនួនអ្នកត្រូវនាំចេញ
field-intervention-persons_arrested = ចំនួនអ្នកត្រូវចាប់ខ្លួន
field-intervention-note = កំណត់ចំណាំ
field-intervention-sources = ប្រភព
field-intervention-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-intervention-sensitivity = កម្រិតរសើប

## person

field-person-id = លេខសម្គាល់
field-person-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-person-alias = ឈ្មោះក្លែង
field-person-alias-help = ឈ្មោះក្លែង មិនមែនឈ្មោះស្របច្បាប់ឡើយ
field-person-roles = តួនាទី
field-person-roles-help = បំបែកដោយសញ្ញាក្បៀស៖ survivor, victim, witness, perpetrator, recruiter
field-person-nationality = សញ្ជាតិ
field-person-nationality-help = ISO 3166-1 alpha-2 ឧ. KH
field-person-gender = ភេទ
field-person-age_at_entry = អាយុនៅពេលត្រូវបានជ្រើសរើស ឬឃុំខ្លួនលើកដំបូង
field-person-recruitment-channel = ត្រូវបានជ្រើសរើសតាមរយៈ
field-person-recruitment-promised_job = ការងារដែលបានសន្យា
field-person-recruitment-promised_salary_usd = ប្រាក់ខែដែលបានសន្យា (ដុល្លារអាមេរិកក្នុងមួយខែ)
field-person-recruitment-date = ថ្ងៃត្រូវបានជ្រើសរើស
field-person-recruitment-date-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-person-recruitment-ad = ការផ្សាយជ្រើសរើស
field-person-custody = ត្រូវបានឃុំនៅ
field-person-custody-help = ការឃុំមួយក្នុងមួយបន្ទាត់៖ `site id; from; to` (អាចលុបកាលបរិច្ឆេទចោលបាន)
field-person-exit = របៀបចាកចេញ
field-person-pii-legal_name = ឈ្មោះស្របច្បាប់
field-person-pii-date_of_birth = ថ្ងៃខែឆ្នាំកំណើត
field-person-pii-date_of_birth-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-person-pii-contact = ទំនាក់ទំនង
field-person-pii-document_numbers = លេខឯកសារ
field-person-pii-document_numbers-help = បំបែកដោយសញ្ញាក្បៀស
field-person-pii-address = អាសយដ្ឋាន
field-person-sources = ប្រភព
field-person-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-person-sensitivity = កម្រិតរសើប

## testimony

field-testimony-id = លេខសម្គាល់
field-testimony-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-testimony-person = បុគ្គល
field-testimony-date = កាលបរិច្ឆេទសម្ភាសន៍
field-testimony-date-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-testimony-consent = ការយល់ព្រម
field-testimony-language = ភាសា
field-testimony-language-help = BCP 47 ឧ. km ឬ zh-Hans
field-testimony-interviewer = អ្នកសម្ភាសន៍
field-testimony-transcript = កំណត់ត្រាសម្ភាសន៍
field-testimony-findings = ការរកឃើញ
field-testimony-findings-help = មួយបន្ទាត់មួយ៖ `code; site id; date; note` (អាចទុកទទេបានលើកលែងតែកូដ)
field-testimony-sources = ប្រភព
field-testimony-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-testimony-sensitivity = កម្រិតរសើប

## incident

field-incident-id = លេខសម្គាល់
field-incident-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-incident-type = ប្រភេទ
field-incident-date = កាលបរិច្ឆេទ
field-incident-date-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-incident-site = ទីតាំង
field-incident-victims = ជនរងគ្រោះ
field-incident-victims-help = លេខសម្គាល់បុគ្គល បំបែកដោយសញ្ញាក្បៀស
field-incident-perpetrators = ជនល្មើស
field-incident-perpetrators-help = លេខសម្គាល់បុគ្គល ឬអង្គការ បំបែកដោយសញ្ញាក្បៀស
field-incident-testimony = សក្ខីកម្ម
field-incident-description = ការពិពណ៌នា
field-incident-sources = ប្រភព
field-incident-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-incident-sensitivity = កម្រិតរសើប

## ad

field-ad-id = លេខសម្គាល់
field-ad-id-help = តួអក្សរ A-Z a-z 0-9 . _ : - ពី 1 ដល់ 128
field-ad-platform = វេទិកា
field-ad-text = អត្ថបទ
field-ad-url = URL
field-ad-posted = បានបង្ហោះ
field-ad-posted-help = YYYY, YYYY-MM ឬ YYYY-MM-DD
field-ad-language = ភាសា
field-ad-language-help = BCP 47 ឧ. km ឬ zh-Hans
field-ad-sources = ប្រភព
field-ad-sources-help = លេខសម្គាល់ប្រភព បំបែកដោយសញ្ញាក្បៀស
field-ad-sensitivity = កម្រិតរសើប

## values

value-agency = ស្ថាប័ន
value-anonymous_use = ប្រើដោយអនាមិក
value-beating = ការវាយដំ
value-casino = កាស៊ីណូ
value-child_labour = ពលកម្មកុមារ
value-closed = បានបិទ
value-closure_order = បញ្ជាឱ្យបិទ
value-company = ក្រុមហ៊ុន
value-confinement = ការឃុំឃាំង
value-court_record = កំណត់ត្រាតុលាការ
value-criminal_group = ក្រុមឧក្រិដ្ឋជន
value-death = ការស្លាប់
value-debt_bondage = ការជាប់បំណុល
value-deported = ត្រូវបានបណ្តេញចេញ
value-died = បានស្លាប់
value-document_confiscation = ការរឹបអូសឯកសារ
value-electric_shock = ការឆក់អគ្គិសនី
value-escaped = បានរត់គេចខ្លួន
value-facebook = Facebook
value-female = ស្រី
value-field_visit = ការចុះមូលដ្ឋាន
value-forced_criminality = ការបង្ខំឱ្យប្រព្រឹត្តឧក្រិដ្ឋកម្ម
value-government = រដ្ឋាភិបាល
value-government_agency = ស្ថាប័នរដ្ឋ
value-government_data = ទិន្នន័យរដ្ឋ
value-hotel = សណ្ឋាគារ
value-industrial = ឧស្សាហកម្ម
value-inspection = ការត្រួតពិនិត្យ
value-instagram = Instagram
value-internal = ផ្ទៃក្នុង
value-internal_only = សម្រាប់ផ្ទៃក្នុងប៉ុណ្ណោះ
value-interview = ការសម្ភាសន៍
value-job_board = គេហទំព័រការងារ
value-law_enforcement = អាជ្ញាធរអនុវត្តច្បាប់
value-line = LINE
value-male = ប្រុស
value-media = ប្រព័ន្ធផ្សព្វផ្សាយ
value-ngo = អង្គការមិនមែនរដ្ឋាភិបាល
value-ngo_data = ទិន្នន័យអង្គការមិនមែនរដ្ឋាភិបាល
value-office = ការិយាល័យ
value-operating = កំពុងដំណើរការ
value-other = ផ្សេងៗ
value-perpetrator = ជនល្មើស
value-personal_contact = អ្នកស្គាល់គ្នាផ្ទាល់
value-platform = វេទិកា
value-public = សាធារណៈ
value-public_use = ប្រើជាសាធារណៈ
value-raid = ការឆ្មក់
value-ransom_paid = បានបង់ថ្លៃលោះ
value-recruiter = អ្នកជ្រើសរើស
value-released = ត្រូវបានដោះលែង
value-relocated = បានផ្លាស់ទីតាំង
value-report = របាយការណ៍
value-rescue = ការជួយសង្គ្រោះ
value-rescued = ត្រូវបានជួយសង្គ្រោះ
value-residential = លំនៅដ្ឋាន
value-restricted = បានកំណត់
value-sale_or_transfer = ការលក់ ឬផ្ទេរ
value-satellite_imagery = រូបភាពផ្កាយរណប
value-scam_compound = មជ្ឈមណ្ឌលបោកប្រាស់
value-sexual_violence = អំពើហិង្សាផ្លូវភេទ
value-social_media = បណ្តាញសង្គម
value-sold_or_transferred = ត្រូវបានលក់ ឬផ្ទេរ
value-special_economic_zone = តំបន់សេដ្ឋកិច្ចពិសេស
value-still_held = នៅតែត្រូវឃុំ
value-survivor = អ្នករស់រានមានជីវិត
value-suspected_site = ទីតាំងសង្ស័យ
value-telegram = Telegram
value-testimony = សក្ខីកម្ម
value-threat = ការគំរាមកំហែង
value-tiktok = TikTok
value-torture = ការធ្វើទារុណកម្ម
value-under_construction = កំពុងសាងសង់
value-unknown = មិនស្គាល់
value-victim = ជនរងគ្រោះ
value-wechat = WeChat
value-whatsapp = WhatsApp
value-withdrawn = បានដកការយល់ព្រម
value-withheld_wages = ការរឹបអូសប្រាក់ឈ្នួល
value-witness = សាក្សី
value-x = X

## Record kinds: a name, and a plural for lists

kind-source = ប្រភព
kind-source-plural = ប្រភព
kind-organization = អង្គការ
kind-organization-plural = អង្គការ
kind-site = ទីតាំង
kind-site-plural = ទីតាំង
kind-site_status = ស្ថានភាពទីតាំង
kind-site_status-plural = ស្ថានភាពទីតាំង
kind-intervention = អន្តរាគមន៍
kind-intervention-plural = អន្តរាគមន៍
kind-person = បុគ្គល
kind-person-plural = បុគ្គល
kind-testimony = សក្ខីកម្ម
kind-testimony-plural = សក្ខីកម្ម
kind-incident = ឧប្បត្តិហេតុ
kind-incident-plural = ឧប្បត្តិហេតុ
kind-ad = ការផ្សាយពាណិជ្ជកម្ម
kind-ad-plural = ការផ្សាយពាណិជ្ជកម្ម

## Countries (ISO 3166-1 alpha-2), short names

country-AF = អាហ្វហ្គានីស្ថាន
country-AU = អូស្ត្រាលី
country-BD = បង់ក្លាដែស
country-BN = ព្រុយណេ
country-BR = ប្រេស៊ីល
country-BT = ប៊ូតាន
country-CA = កាណាដា
country-CM = កាមេរូន
country-CN = ចិន
country-CZ = ឆែក
country-DE = អាល្លឺម៉ង់
country-EG = អេហ្ស៊ីប
country-ER = អេរីត្រេ
country-ET = អេត្យូពី
country-FR = បារាំង
country-GB = ចក្រភពអង់គ្លេស
country-GH = ហ្គាណា
country-HK = ហុងកុង
country-ID = ឥណ្ឌូណេស៊ី
country-IN = ឥណ្ឌា
country-IR = អ៊ីរ៉ង់
country-JP = ជប៉ុន
country-KE = កេនយ៉ា
country-KG = កៀហ្ស៊ីស៊ីស្ថាន
country-KH = កម្ពុជា
country-KR = កូរ៉េខាងត្បូង
country-KZ = កាហ្សាក់ស្ថាន
country-LA = ឡាវ
country-LK = ស្រីលង្កា
country-MA = ម៉ារ៉ុក
country-MM = មីយ៉ាន់ម៉ា
country-MN = ម៉ុងហ្គោលី
country-MO = ម៉ាកាវ
country-MY = ម៉ាឡេស៊ី
country-NG = នីហ្សេរីយ៉ា
country-NP = នេប៉ាល់
country-NZ = នូវែលសេឡង់
country-PH = ហ្វីលីពីន
country-PK = ប៉ាគីស្ថាន
country-RU = រុស្ស៊ី
country-SG = សិង្ហបុរី
country-TH = ថៃ
country-TJ = តាហ្ស៊ីគីស្ថាន
country-TL = ទីម័រខាងកើត
country-TR = តួកគី
country-TW = តៃវ៉ាន់
country-TZ = តង់សានី
country-UA = អ៊ុយក្រែន
country-UG = អ៊ូហ្គង់ដា
country-US = សហរដ្ឋអាមេរិក
country-UZ = អ៊ូសបេគីស្ថាន
country-VN = វៀតណាម
country-ZA = អាហ្វ្រិកខាងត្បូង
