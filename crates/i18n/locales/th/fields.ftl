# zonewatch — Thai (th).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The field table (crates/model/src/fields.rs): a label per field, `-help` where a
### field says how to write it, and a label per vocabulary value.


## source

field-source-id = รหัส
field-source-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-source-title = หัวเรื่อง
field-source-type = ประเภท
field-source-url = URL
field-source-date = วันที่
field-source-date-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-source-publisher = ผู้เผยแพร่
field-source-sha256 = SHA-256 ของสำเนาที่เก็บถาวร
field-source-sources = แหล่งข้อมูล
field-source-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-source-sensitivity = ระดับความอ่อนไหว

## organization

field-organization-id = รหัส
field-organization-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-organization-name = ชื่อ
field-organization-type = ประเภท
field-organization-aliases = ชื่ออื่น
field-organization-aliases-help = คั่นด้วยจุลภาค
field-organization-country = ประเทศ
field-organization-country-help = ISO 3166-1 alpha-2 เช่น KH
field-organization-sources = แหล่งข้อมูล
field-organization-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-organization-sensitivity = ระดับความอ่อนไหว

## site

field-site-id = รหัส
field-site-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-site-name = ชื่อ
field-site-category = ประเภท
field-site-country = ประเทศ
field-site-country-help = ISO 3166-1 alpha-2 เช่น KH
field-site-admin1 = จังหวัด / รัฐ
field-site-admin2 = อำเภอ / เมือง
field-site-lat = ละติจูด
field-site-lon = ลองจิจูด
field-site-former_use = การใช้งานเดิม
field-site-aliases = ชื่ออื่น
field-site-aliases-help = คั่นด้วยจุลภาค
field-site-operators = ผู้ดำเนินการ
field-site-operators-help = รหัสองค์กร คั่นด้วยจุลภาค
field-site-sources = แหล่งข้อมูล
field-site-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-site-sensitivity = ระดับความอ่อนไหว

## site_status

field-site_status-id = รหัส
field-site_status-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-site_status-site = สถานที่
field-site_status-date = วันที่
field-site_status-date-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-site_status-status = สถานะ
field-site_status-basis = ที่มาของการสังเกต
field-site_status-relocated_to = ย้ายไปที่
field-site_status-note = บันทึก
field-site_status-sources = แหล่งข้อมูล
field-site_status-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-site_status-sensitivity = ระดับความอ่อนไหว

## intervention

field-intervention-id = รหัส
field-intervention-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-intervention-site = สถานที่
field-intervention-date = วันที่
field-intervention-date-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-intervention-type = ประเภท
field-intervention-agencies = หน่วยงาน
field-intervention-agencies-help = รหัสองค์กร คั่นด้วยจุลภาค
field-intervention-persons_removed = จำนวนผู้ถูกนำตัวออก
field-intervention-persons_arrested = จำนวนผู้ถูกจับกุม
field-intervention-note = บันทึก
field-intervention-sources = แหล่งข้อมูล
field-intervention-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-intervention-sensitivity = ระดับความอ่อนไหว

## person

field-person-id = รหัส
field-person-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-person-alias = นามแฝง
field-person-alias-help = นามแฝง ห้ามใช้ชื่อตามกฎหมาย
field-person-roles = บทบาท
field-person-roles-help = คั่นด้วยจุลภาค: survivor, victim, witness, perpetrator, recruiter
field-person-nationality = สัญชาติ
field-person-nationality-help = ISO 3166-1 alpha-2 เช่น KH
field-person-gender = เพศ
field-person-age_at_entry = อายุเมื่อถูกชักชวนหรือถูกกักตัวครั้งแรก
field-person-recruitment-channel = ถูกชักชวนผ่าน
field-person-recruitment-promised_job = งานที่ได้รับสัญญา
field-person-recruitment-promised_salary_usd = เงินเดือนที่ได้รับสัญญา (ดอลลาร์สหรัฐต่อเดือน)
field-person-recruitment-date = วันที่ถูกชักชวน
field-person-recruitment-date-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-person-recruitment-ad = โฆษณาชักชวน
field-person-custody = ถูกกักตัวที่
field-person-custody-help = บรรทัดละหนึ่งช่วงที่ถูกกักตัว: `site id; from; to` (เว้นวันที่ได้)
field-person-exit = การออกมา
field-person-pii-legal_name = ชื่อตามกฎหมาย
field-person-pii-date_of_birth = วันเกิด
field-person-pii-date_of_birth-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-person-pii-contact = ช่องทางติดต่อ
field-person-pii-document_numbers = หมายเลขเอกสาร
field-person-pii-document_numbers-help = คั่นด้วยจุลภาค
field-person-pii-address = ที่อยู่
field-person-sources = แหล่งข้อมูล
field-person-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-person-sensitivity = ระดับความอ่อนไหว

## testimony

field-testimony-id = รหัส
field-testimony-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-testimony-person = บุคคล
field-testimony-date = วันที่สัมภาษณ์
field-testimony-date-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-testimony-consent = ความยินยอม
field-testimony-language = ภาษา
field-testimony-language-help = BCP 47 เช่น km หรือ zh-Hans
field-testimony-interviewer = ผู้สัมภาษณ์
field-testimony-transcript = บันทึกถ้อยคำ
field-testimony-findings = ข้อค้นพบ
field-testimony-findings-help = บรรทัดละหนึ่งรายการ: `code; site id; date; note` (เว้นว่างได้ทุกช่องยกเว้นรหัส)
field-testimony-sources = แหล่งข้อมูล
field-testimony-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-testimony-sensitivity = ระดับความอ่อนไหว

## incident

field-incident-id = รหัส
field-incident-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-incident-type = ประเภท
field-incident-date = วันที่
field-incident-date-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-incident-site = สถานที่
field-incident-victims = ผู้เสียหาย
field-incident-victims-help = รหัสบุคคล คั่นด้วยจุลภาค
field-incident-perpetrators = ผู้กระทำผิด
field-incident-perpetrators-help = รหัสบุคคลหรือองค์กร คั่นด้วยจุลภาค
field-incident-testimony = คำให้การ
field-incident-description = คำอธิบาย
field-incident-sources = แหล่งข้อมูล
field-incident-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-incident-sensitivity = ระดับความอ่อนไหว

## ad

field-ad-id = รหัส
field-ad-id-help = อักขระ A-Z a-z 0-9 . _ : - จำนวน 1 ถึง 128 ตัว
field-ad-platform = แพลตฟอร์ม
field-ad-text = ข้อความ
field-ad-url = URL
field-ad-posted = วันที่โพสต์
field-ad-posted-help = YYYY, YYYY-MM หรือ YYYY-MM-DD
field-ad-language = ภาษา
field-ad-language-help = BCP 47 เช่น km หรือ zh-Hans
field-ad-sources = แหล่งข้อมูล
field-ad-sources-help = รหัสแหล่งข้อมูล คั่นด้วยจุลภาค
field-ad-sensitivity = ระดับความอ่อนไหว

## values

value-agency = หน่วยงาน
value-anonymous_use = ใช้แบบไม่ระบุตัวตน
value-beating = การทุบตี
value-casino = คาสิโน
value-child_labour = แรงงานเด็ก
value-closed = ปิดแล้ว
value-closure_order = คำสั่งปิด
value-company = บริษัท
value-confinement = การกักขัง
value-court_record = บันทึกของศาล
value-criminal_group = กลุ่มอาชญากร
value-death = การเสียชีวิต
value-debt_bondage = การเป็นแรงงานขัดหนี้
value-deported = ถูกเนรเทศ
value-died = เสียชีวิต
value-document_confiscation = การยึดเอกสาร
value-electric_shock = การช็อตไฟฟ้า
value-escaped = หลบหนีออกมา
value-facebook = Facebook
value-female = หญิง
value-field_visit = การลงพื้นที่
value-forced_criminality = การบังคับให้ก่ออาชญากรรม
value-government = รัฐบาล
value-government_agency = หน่วยงานรัฐ
value-government_data = ข้อมูลภาครัฐ
value-hotel = โรงแรม
value-industrial = อุตสาหกรรม
value-inspection = การตรวจสอบ
value-instagram = Instagram
value-internal = ภายใน
value-internal_only = ใช้ภายในเท่านั้น
value-interview = การสัมภาษณ์
value-job_board = เว็บประกาศงาน
value-law_enforcement = หน่วยบังคับใช้กฎหมาย
value-line = LINE
value-male = ชาย
value-media = สื่อมวลชน
value-ngo = องค์กรพัฒนาเอกชน
value-ngo_data = ข้อมูลขององค์กรพัฒนาเอกชน
value-office = สำนักงาน
value-operating = ดำเนินการอยู่
value-other = อื่น ๆ
value-perpetrator = ผู้กระทำผิด
value-personal_contact = คนรู้จักส่วนตัว
value-platform = แพลตฟอร์ม
value-public = สาธารณะ
value-public_use = ใช้เผยแพร่ได้
value-raid = การบุกค้น
value-ransom_paid = จ่ายค่าไถ่
value-recruiter = ผู้ชักชวน
value-released = ได้รับการปล่อยตัว
value-relocated = ย้ายที่ตั้ง
value-report = รายงาน
value-rescue = การช่วยเหลือ
value-rescued = ได้รับการช่วยเหลือ
value-residential = ที่พักอาศัย
value-restricted = จำกัด
value-sale_or_transfer = การขายหรือการโอนตัว
value-satellite_imagery = ภาพถ่ายดาวเทียม
value-scam_compound = แหล่งหลอกลวง
value-sexual_violence = ความรุนแรงทางเพศ
value-social_media = สื่อสังคมออนไลน์
value-sold_or_transferred = ถูกขายหรือโอนตัว
value-special_economic_zone = เขตเศรษฐกิจพิเศษ
value-still_held = ยังถูกกักตัว
value-survivor = ผู้รอดชีวิต
value-suspected_site = สถานที่ต้องสงสัย
value-telegram = Telegram
value-testimony = คำให้การ
value-threat = การข่มขู่
value-tiktok = TikTok
value-torture = การทรมาน
value-under_construction = กำลังก่อสร้าง
value-unknown = ไม่ทราบ
value-victim = ผู้เสียหาย
value-wechat = WeChat
value-whatsapp = WhatsApp
value-withdrawn = ถอนความยินยอม
value-withheld_wages = การยึดค่าจ้าง
value-witness = พยาน
value-x = X

## Record kinds: a name, and a plural for lists

kind-source = แหล่งข้อมูล
kind-source-plural = แหล่งข้อมูล
kind-organization = องค์กร
kind-organization-plural = องค์กร
kind-site = สถานที่
kind-site-plural = สถานที่
kind-site_status = สถานะสถานที่
kind-site_status-plural = สถานะสถานที่
kind-intervention = การแทรกแซง
kind-intervention-plural = การแทรกแซง
kind-person = บุคคล
kind-person-plural = บุคคล
kind-testimony = คำให้การ
kind-testimony-plural = คำให้การ
kind-incident = เหตุการณ์
kind-incident-plural = เหตุการณ์
kind-ad = โฆษณา
kind-ad-plural = โฆษณา

## Countries (ISO 3166-1 alpha-2), short names

country-AF = อัฟกานิสถาน
country-AU = ออสเตรเลีย
country-BD = บังกลาเทศ
country-BN = บรูไน
country-BR = บราซิล
country-BT = ภูฏาน
country-CA = แคนาดา
country-CM = แคเมอรูน
country-CN = จีน
country-CZ = เช็กเกีย
country-DE = เยอรมนี
country-EG = อียิปต์
country-ER = เอริเทรีย
country-ET = เอธิโอเปีย
country-FR = ฝรั่งเศส
country-GB = สหราชอาณาจักร
country-GH = กานา
country-HK = ฮ่องกง
country-ID = อินโดนีเซีย
country-IN = อินเดีย
country-IR = อิหร่าน
country-JP = ญี่ปุ่น
country-KE = เคนยา
country-KG = คีร์กีซสถาน
country-KH = กัมพูชา
country-KR = เกาหลีใต้
country-KZ = คาซัคสถาน
country-LA = ลาว
country-LK = ศรีลังกา
country-MA = โมร็อกโก
country-MM = เมียนมา
country-MN = มองโกเลีย
country-MO = มาเก๊า
country-MY = มาเลเซีย
country-NG = ไนจีเรีย
country-NP = เนปาล
country-NZ = นิวซีแลนด์
country-PH = ฟิลิปปินส์
country-PK = ปากีสถาน
country-RU = รัสเซีย
country-SG = สิงคโปร์
country-TH = ไทย
country-TJ = ทาจิกิสถาน
country-TL = ติมอร์-เลสเต
country-TR = ตุรกี
country-TW = ไต้หวัน
country-TZ = แทนซาเนีย
country-UA = ยูเครน
country-UG = ยูกันดา
country-US = สหรัฐอเมริกา
country-UZ = อุซเบกิสถาน
country-VN = เวียดนาม
country-ZA = แอฟริกาใต้
