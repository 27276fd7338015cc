# zonewatch — Khmer (km).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The web application (`zonewatch serve`): the words of every page.

## Around every page

nav-dashboard = ផ្ទាំងសង្ខេប
nav-sites = ទីតាំង
nav-records = កំណត់ត្រា
nav-evidence = ភស្តុតាង
nav-report = របាយការណ៍
nav-search = ស្វែងរក
nav-search-placeholder = ស្វែងរកឈ្មោះ ឈ្មោះក្លែង ការផ្សាយពាណិជ្ជកម្ម
nav-account = គណនី
nav-tokens = សញ្ញាសម្ងាត់
nav-logout = ចាកចេញ
role-admin = អ្នកគ្រប់គ្រង
role-investigator = អ្នកស៊ើបអង្កេត
role-analyst = អ្នកវិភាគ
role-viewer = អ្នកមើល
error-title = កំហុស

## Logging in

login-title = ចូលប្រើ
login-user = ឈ្មោះអ្នកប្រើ
login-password = ពាក្យសម្ងាត់
login-form-expired = ទម្រង់បានផុតកំណត់ ឬមិនបានមកពីគេហទំព័រនេះ៖ សូមព្យាយាមម្តងទៀត
login-too-many = ចូលប្រើមិនបានច្រើនដងពេកពីទីនេះ៖ សូមរង់ចាំ 15 នាទី
login-wrong = ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ

## The account page

account-title = គណនី
account-logged-in-as = បានចូលជា { $name } តួនាទី { $role }។
account-must-change = អ្នកគ្រប់គ្រងបានកំណត់ពាក្យសម្ងាត់របស់អ្នក៖ សូមជ្រើសពាក្យសម្ងាត់ផ្ទាល់ខ្លួនមុននឹងបន្ត។
account-changed = ពាក្យសម្ងាត់របស់អ្នកត្រូវបានប្តូរ ហើយវគ្គផ្សេងទៀតរបស់អ្នកត្រូវបានបញ្ចប់។
account-language = ភាសា
account-language-label = ភាសានៃទំព័រ និងរបាយការណ៍
account-language-browser = តាមកម្មវិធីរុករករបស់ខ្ញុំ
account-language-hint = រក្សាទុកក្នុងកម្មវិធីរុករកនេះ (ខុកឃី)។ តំណដែលមាន ?lang= បង្ហាញទំព័រមួយជាភាសាផ្សេង។
account-language-save = រក្សាទុកភាសា
account-language-saved = ភាសារបស់អ្នកត្រូវបានរក្សាទុក។
account-change-password = ប្តូរពាក្យសម្ងាត់
account-current-password = ពាក្យសម្ងាត់បច្ចុប្បន្ន
account-new-password = ពាក្យសម្ងាត់ថ្មី
account-new-password-again = ពាក្យសម្ងាត់ថ្មីម្តងទៀត
account-password-hint = យ៉ាងតិច 10 តួអក្សរ។ វគ្គផ្សេងទៀតរបស់អ្នកនឹងបញ្ចប់នៅពេលប្តូរ។
account-change-password-button = ប្តូរពាក្យសម្ងាត់
account-too-many = ពាក្យសម្ងាត់ខុសច្រើនដងពេក៖ សូមរង់ចាំ 15 នាទី
account-enter-current = សូមបញ្ចូលពាក្យសម្ងាត់បច្ចុប្បន្ន
account-passwords-differ = ពាក្យសម្ងាត់ថ្មីទាំងពីរមិនដូចគ្នា
account-current-wrong = ពាក្យសម្ងាត់បច្ចុប្បន្នមិនត្រឹមត្រូវ

## API tokens (admins)

tokens-title = សញ្ញាសម្ងាត់ API
tokens-made-with = បង្កើតដោយ
tokens-intro = ; រក្សាទុកតែ SHA-256 របស់វា ហើយលេខសម្គាល់គឺ 12 ខ្ទង់ដំបូង។ សញ្ញាសម្ងាត់ដែលត្រូវបានដកហូតនឹងត្រូវបដិសេធភ្លាម។
tokens-none = គ្មានសញ្ញាសម្ងាត់។
tokens-user = អ្នកប្រើ
tokens-created = បានបង្កើត
tokens-last-used = ប្រើចុងក្រោយ
tokens-never = មិនដែល
tokens-revoke = ដកហូត
tokens-revoked = សញ្ញាសម្ងាត់ { $id } ត្រូវបានដកហូត៖ ចាប់ពីពេលនេះនឹងត្រូវបដិសេធ។

## The dashboard

dash-public-note = តួលេខសាធារណៈ៖ ចំនួនមនុស្ស និងឧប្បត្តិហេតុតិចជាង 5 បង្ហាញជា <5។
dash-reports = របាយការណ៍
dash-internal = ផ្ទៃក្នុង៖
dash-html-charts = HTML មានក្រាហ្វ និងវិធីសាស្ត្រ
dash-download-html = ទាញយក HTML
dash-public = សាធារណៈ (លាក់ចំនួនតិច មិនរាយឈ្មោះបុគ្គល)៖
dash-fig-scam-compounds = មជ្ឈមណ្ឌលបោកប្រាស់
dash-fig-suspected-sites = ទីតាំងសង្ស័យ
dash-fig-raided = ទីតាំងដែលត្រូវបានឆ្មក់ ឬជួយសង្គ្រោះ
dash-fig-operating-after = នៅតែដំណើរការក្រោយអន្តរាគមន៍
dash-fig-not-operating-after = ឈប់ដំណើរការក្រោយមក
dash-fig-uncertain = មិនច្បាស់
dash-fig-unobserved = មិនបានសង្កេតតាំងពីពេលនោះ
dash-fig-survivors = អ្នករស់រានមានជីវិតដែលបានសម្ភាសន៍
dash-fig-minors = អនីតិជនដែលបានសម្ភាសន៍
dash-fig-deaths = ការស្លាប់
dash-fig-trafficking = មានសញ្ញាជួញដូរមនុស្ស
dash-fig-forced-labour = មានសញ្ញាពលកម្មដោយបង្ខំ

## Sites

sites-new = ទីតាំងថ្មី
sites-any = ទាំងអស់
sites-province = ខេត្ត
sites-filter = ច្រោះ
sites-count = ទីតាំង { $count }។
site-id = លេខសម្គាល់
site-country = { $name } ({ $code })
site-edit = កែសម្រួលទីតាំង
site-add-status = បន្ថែមការសង្កេតស្ថានភាព
site-add-intervention = បន្ថែមអន្តរាគមន៍
site-timeline = ស្ថានភាព និងអន្តរាគមន៍
site-timeline-role = បន្ទាត់ពេលវេលាត្រូវការតួនាទីអ្នកវិភាគ ឬខ្ពស់ជាងនេះ។
site-record = កំណត់ត្រា

## Records: lists, pages and forms

records-title = កំណត់ត្រា៖ { $kind }
records-filter = ឈ្មោះ ឈ្មោះក្លែង ឬចំណងជើងមាន
records-new = ថ្មី
records-id = លេខសម្គាល់
records-name = ឈ្មោះ
records-date = កាលបរិច្ឆេទ
records-sensitivity = កម្រិតរសើប
records-next = ទំព័របន្ទាប់
record-withheld = កំណត់ត្រានេះមានវាលដែលបានកំណត់ដែលមិនបានបង្ហាញ៖ តួនាទីរបស់អ្នកមិនអាចអានបាន ឬម៉ាស៊ីនមេបានចាប់ផ្តើមដោយគ្មានឃ្លាសម្ងាត់។
record-edit = កែសម្រួល
record-legal-tests = ការធ្វើតេស្តផ្លូវច្បាប់
record-evidence = ឯកសារភស្តុតាង
form-new = { $kind } ថ្មី
form-edit = កែសម្រួល { $kind } { $id }
form-restricted = បានកំណត់
form-save = រក្សាទុក

## Search

search-title = ស្វែងរក
search-label = ពាក្យក្នុងឈ្មោះ ឈ្មោះក្លែង ចំណងជើង ការពិពណ៌នា កំណត់ចំណាំ និងអត្ថបទផ្សាយពាណិជ្ជកម្ម
search-button = ស្វែងរក
search-restricted-note = មិនដែលស្វែងរកក្នុងវាលដែលបានកំណត់ (ឈ្មោះស្របច្បាប់ កំណត់ត្រាសម្ភាសន៍ អត្ថបទសេរីនៃកំណត់ត្រាដែលបានកំណត់) ទេ។
search-nothing = គ្មានលទ្ធផលដែលត្រូវនឹងពាក្យទាំងអស់។
search-kind = ប្រភេទ
search-found-in = រកឃើញក្នុង
search-limited = បង្ហាញតែ { $count } លទ្ធផលដំបូង៖ សូមបន្ថែមពាក្យដើម្បីបង្រួមការស្វែងរក។

## Evidence

evidence-title = ភស្តុតាង
evidence-for = សម្រាប់
evidence-intro = ឯកសារត្រូវបានរក្សាទុកដូចពេលប្រមូល ជាមួយ SHA-256 ដែលគណនានៅពេលនាំចូល។ ឯកសាររបស់បុគ្គល សក្ខីកម្ម និងកំណត់ត្រាដែលបានកំណត់ត្រូវបានបិទត្រា ហើយសម្គាល់ដោយហាសមានសោ។
evidence-none = គ្មានឯកសារភស្តុតាង។
evidence-record = កំណត់ត្រា
evidence-sealed-column = បិទត្រា
evidence-sealed = បានបិទត្រា
evidence-open = បើក
evidence-stored = ការរក្សាទុក
evidence-file-name = ឈ្មោះឯកសារ
evidence-sha256 = SHA-256 នៅពេលនាំចូល
evidence-size = ទំហំ
evidence-bytes = { $count } បៃ
evidence-collected-by = ប្រមូលដោយ
evidence-collected-at = ប្រមូលនៅ
evidence-note = កំណត់ចំណាំ
evidence-metadata = ទិន្នន័យមេតា
evidence-metadata-sealed = បានបិទត្រា៖ តួនាទីរបស់អ្នកមិនអាចបើកបាន ឬម៉ាស៊ីនមេបានចាប់ផ្តើមដោយគ្មានឃ្លាសម្ងាត់
evidence-download = ទាញយកឯកសារដើម
evidence-download-note = (កត់ត្រាក្នុងខ្សែសង្វាក់នៃការរក្សា)
evidence-custody = ខ្សែសង្វាក់នៃការរក្សា
evidence-time = ពេលវេលា
evidence-who = អ្នកណា
evidence-event = ព្រឹត្តិការណ៍
evidence-audit-hash = ហាសសវនកម្ម
evidence-add = បន្ថែមឯកសារ
evidence-record-id = លេខសម្គាល់កំណត់ត្រា
evidence-file = ឯកសារ
evidence-add-button = បន្ថែម
