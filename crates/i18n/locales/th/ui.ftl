# zonewatch — Thai (th).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### เว็บแอปพลิเคชัน

## ทุกหน้า

nav-dashboard = แดชบอร์ด
nav-sites = สถานที่
nav-records = ระเบียน
nav-evidence = หลักฐาน
nav-report = รายงาน
nav-search = ค้นหา
nav-search-placeholder = ค้นหาชื่อ นามแฝง โฆษณา
nav-account = บัญชี
nav-tokens = โทเค็น
nav-logout = ออกจากระบบ
role-admin = ผู้ดูแลระบบ
role-investigator = ผู้สืบสวน
role-analyst = นักวิเคราะห์
role-viewer = ผู้ชม
error-title = ข้อผิดพลาด

## การเข้าสู่ระบบ

login-title = เข้าสู่ระบบ
login-user = ชื่อผู้ใช้
login-password = รหัสผ่าน
login-form-expired = แบบฟอร์มหมดอายุหรือไม่ได้มาจากเว็บไซต์นี้ โปรดลองอีกครั้ง
login-too-many = เข้าสู่ระบบไม่สำเร็จจากที่นี่หลายครั้งเกินไป โปรดรอ 15 นาที
login-wrong = ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง

## หน้าบัญชี

account-title = บัญชี
account-logged-in-as = เข้าสู่ระบบในชื่อ { $name } บทบาท { $role }
account-must-change = ผู้ดูแลระบบเป็นผู้ตั้งรหัสผ่านของคุณ โปรดตั้งรหัสผ่านของคุณเองก่อนดำเนินการต่อ
account-changed = เปลี่ยนรหัสผ่านของคุณแล้ว และเซสชันอื่นของคุณถูกปิดแล้ว
account-language = ภาษา
account-language-label = ภาษาของหน้าเว็บและรายงาน
account-language-browser = ตามที่เบราว์เซอร์ของฉันขอ
account-language-hint = เก็บไว้ในเบราว์เซอร์นี้ (คุกกี้) ลิงก์ที่มี ?lang= จะแสดงหน้าเดียวในอีกภาษาหนึ่ง
account-language-save = บันทึกภาษา
account-language-saved = บันทึกภาษาของคุณแล้ว
account-change-password = เปลี่ยนรหัสผ่าน
account-current-password = รหัสผ่านปัจจุบัน
account-new-password = รหัสผ่านใหม่
account-new-password-again = รหัสผ่านใหม่อีกครั้ง
account-password-hint = อย่างน้อย 10 ตัวอักษร เซสชันอื่นของคุณจะสิ้นสุดเมื่อเปลี่ยนรหัสผ่าน
account-change-password-button = เปลี่ยนรหัสผ่าน
account-too-many = ใส่รหัสผ่านผิดหลายครั้งเกินไป โปรดรอ 15 นาที
account-enter-current = โปรดใส่รหัสผ่านปัจจุบัน
account-passwords-differ = รหัสผ่านใหม่ทั้งสองไม่ตรงกัน
account-current-wrong = รหัสผ่านปัจจุบันไม่ถูกต้อง

## โทเค็น API (ผู้ดูแลระบบ)

tokens-title = โทเค็น API
tokens-made-with = สร้างด้วย
tokens-intro = ; เก็บไว้เพียงค่า SHA-256 และรหัสคือ 12 หลักแรกของค่านั้น โทเค็นที่ถูกเพิกถอนจะถูกปฏิเสธทันที
tokens-none = ไม่มีโทเค็น
tokens-user = ผู้ใช้
tokens-created = สร้างเมื่อ
tokens-last-used = ใช้ล่าสุด
tokens-never = ไม่เคย
tokens-revoke = เพิกถอน
tokens-revoked = โทเค็น { $id } ถูกเพิกถอนแล้ว และจะถูกปฏิเสธนับจากนี้

## แดชบอร์ด

dash-public-note = ตัวเลขสาธารณะ: จำนวนบุคคลและเหตุการณ์ที่น้อยกว่า 5 แสดงเป็น <5
dash-reports = รายงาน
dash-internal = ภายใน:
dash-html-charts = HTML พร้อมแผนภูมิและวิธีการ
dash-download-html = ดาวน์โหลด HTML
dash-public = สาธารณะ (ซ่อนจำนวนน้อย ไม่ระบุบุคคล):
dash-fig-scam-compounds = แหล่งหลอกลวง
dash-fig-suspected-sites = สถานที่ต้องสงสัย
dash-fig-raided = สถานที่ถูกบุกค้นหรือช่วยเหลือ
dash-fig-operating-after = ยังดำเนินการหลังการแทรกแซง
dash-fig-not-operating-after = ไม่ดำเนินการหลังจากนั้น
dash-fig-uncertain = ไม่แน่ชัด
dash-fig-unobserved = ไม่ได้สังเกตตั้งแต่นั้น
dash-fig-survivors = ผู้รอดชีวิตที่ให้สัมภาษณ์
dash-fig-minors = ผู้เยาว์ที่ให้สัมภาษณ์
dash-fig-deaths = การเสียชีวิต
dash-fig-trafficking = บ่งชี้การค้ามนุษย์
dash-fig-forced-labour = บ่งชี้การบังคับใช้แรงงาน

## สถานที่

sites-new = สถานที่ใหม่
sites-any = ทั้งหมด
sites-province = จังหวัด
sites-filter = กรอง
sites-count = { $count } แห่ง
site-id = รหัส
site-country = { $name } ({ $code })
site-edit = แก้ไขสถานที่
site-add-status = เพิ่มการสังเกตสถานะ
site-add-intervention = เพิ่มการแทรกแซง
site-timeline = สถานะและการแทรกแซง
site-timeline-role = ลำดับเหตุการณ์ต้องใช้บทบาทนักวิเคราะห์ขึ้นไป
site-record = ระเบียน

## ระเบียน: รายการ หน้า และแบบฟอร์ม

records-title = ระเบียน: { $kind }
records-filter = ชื่อ นามแฝง หรือหัวเรื่องมีคำว่า
records-new = ใหม่
records-id = รหัส
records-name = ชื่อ
records-date = วันที่
records-sensitivity = ระดับความอ่อนไหว
records-next = หน้าถัดไป
record-withheld = ระเบียนนี้มีช่องข้อมูลจำกัดที่ไม่ได้แสดง: บทบาทของคุณไม่มีสิทธิ์อ่าน หรือเซิร์ฟเวอร์เริ่มทำงานโดยไม่มีวลีรหัสผ่าน
record-edit = แก้ไข
record-legal-tests = การทดสอบทางกฎหมาย
record-evidence = ไฟล์หลักฐาน
form-new = { $kind } ใหม่
form-edit = แก้ไข { $kind } { $id }
form-restricted = จำกัด
form-save = บันทึก

## การค้นหา

search-title = ค้นหา
search-label = คำในชื่อ นามแฝง หัวเรื่อง คำอธิบาย บันทึก และข้อความโฆษณา
search-button = ค้นหา
search-restricted-note = ไม่มีการค้นหาในช่องข้อมูลจำกัด (ชื่อตามกฎหมาย บันทึกถ้อยคำ ข้อความอิสระของระเบียนจำกัด)
search-nothing = ไม่พบระเบียนที่ตรงกับทุกคำ
search-kind = ประเภท
search-found-in = พบใน
search-limited = แสดงเฉพาะ { $count } รายการแรก: เพิ่มคำเพื่อจำกัดการค้นหา

## หลักฐาน

evidence-title = หลักฐาน
evidence-for = ของ
evidence-intro = ไฟล์ถูกเก็บตามที่รวบรวมมา พร้อมค่า SHA-256 ที่คำนวณตอนนำเข้า ไฟล์ของบุคคล คำให้การ และระเบียนจำกัดจะถูกผนึกและอ้างอิงด้วยแฮชแบบมีกุญแจ
evidence-none = ไม่มีไฟล์หลักฐาน
evidence-record = ระเบียน
evidence-sealed-column = ผนึก
evidence-sealed = ผนึกแล้ว
evidence-open = เปิด
evidence-stored = การจัดเก็บ
evidence-file-name = ชื่อไฟล์
evidence-sha256 = SHA-256 ตอนนำเข้า
evidence-size = ขนาด
evidence-bytes = { $count } ไบต์
evidence-collected-by = รวบรวมโดย
evidence-collected-at = รวบรวมเมื่อ
evidence-note = บันทึก
evidence-metadata = ข้อมูลเมตา
evidence-metadata-sealed = ผนึกแล้ว: บทบาทของคุณไม่มีสิทธิ์เปิด หรือเซิร์ฟเวอร์เริ่มทำงานโดยไม่มีวลีรหัสผ่าน
evidence-download = ดาวน์โหลดต้นฉบับ
evidence-download-note = (บันทึกไว้ในห่วงโซ่การครอบครอง)
evidence-custody = ห่วงโซ่การครอบครอง
evidence-time = เวลา
evidence-who = ผู้ดำเนินการ
evidence-event = เหตุการณ์
evidence-audit-hash = แฮชการตรวจสอบ
evidence-add = เพิ่มไฟล์
evidence-record-id = รหัสระเบียน
evidence-file = ไฟล์
evidence-add-button = เพิ่ม
