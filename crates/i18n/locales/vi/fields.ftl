# zonewatch — Vietnamese (vi).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The field table (crates/model/src/fields.rs): a label per field, `-help` where a
### field says how to write it, and a label per vocabulary value.


## source

field-source-id = Mã
field-source-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-source-title = Tiêu đề
field-source-type = Loại
field-source-url = URL
field-source-date = Ngày
field-source-date-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-source-publisher = Nhà xuất bản
field-source-sha256 = SHA-256 của bản lưu trữ
field-source-sources = Nguồn
field-source-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-source-sensitivity = Mức độ nhạy cảm

## organization

field-organization-id = Mã
field-organization-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-organization-name = Tên
field-organization-type = Loại
field-organization-aliases = Tên khác
field-organization-aliases-help = phân cách bằng dấu phẩy
field-organization-country = Quốc gia
field-organization-country-help = ISO 3166-1 alpha-2, ví dụ KH
field-organization-sources = Nguồn
field-organization-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-organization-sensitivity = Mức độ nhạy cảm

## site

field-site-id = Mã
field-site-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-site-name = Tên
field-site-category = Loại
field-site-country = Quốc gia
field-site-country-help = ISO 3166-1 alpha-2, ví dụ KH
field-site-admin1 = Tỉnh / bang
field-site-admin2 = Huyện / thành phố
field-site-lat = Vĩ độ
field-site-lon = Kinh độ
field-site-former_use = Mục đích sử dụng trước đây
field-site-aliases = Tên khác
field-site-aliases-help = phân cách bằng dấu phẩy
field-site-operators = Bên vận hành
field-site-operators-help = mã tổ chức, phân cách bằng dấu phẩy
field-site-sources = Nguồn
field-site-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-site-sensitivity = Mức độ nhạy cảm

## site_status

field-site_status-id = Mã
field-site_status-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-site_status-site = Địa điểm
field-site_status-date = Ngày
field-site_status-date-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-site_status-status = Tình trạng
field-site_status-basis = Căn cứ
field-site_status-relocated_to = Chuyển đến
field-site_status-note = Ghi chú
field-site_status-sources = Nguồn
field-site_status-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-site_status-sensitivity = Mức độ nhạy cảm

## intervention

field-intervention-id = Mã
field-intervention-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-intervention-site = Địa điểm
field-intervention-date = Ngày
field-intervention-date-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-intervention-type = Loại
field-intervention-agencies = Cơ quan
field-intervention-agencies-help = mã tổ chức, phân cách bằng dấu phẩy
field-intervention-persons_removed = Số người được đưa ra
field-intervention-persons_arrested = Số người bị bắt
field-intervention-note = Ghi chú
field-intervention-sources = Nguồn
field-intervention-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-intervention-sensitivity = Mức độ nhạy cảm

## person

field-person-id = Mã
field-person-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-person-alias = Bí danh
field-person-alias-help = bí danh, không bao giờ là tên pháp lý
field-person-roles = Vai trò
field-person-roles-help = phân cách bằng dấu phẩy: survivor, victim, witness, perpetrator, recruiter
field-person-nationality = Quốc tịch
field-person-nationality-help = ISO 3166-1 alpha-2, ví dụ KH
field-person-gender = Giới tính
field-person-age_at_entry = Tuổi khi bị tuyển mộ hoặc lần đầu bị giữ
field-person-recruitment-channel = Bị tuyển mộ qua
field-person-recruitment-promised_job = Công việc được hứa
field-person-recruitment-promised_salary_usd = Lương được hứa (USD mỗi tháng)
field-person-recruitment-date = Ngày bị tuyển mộ
field-person-recruitment-date-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-person-recruitment-ad = Quảng cáo tuyển mộ
field-person-custody = Bị giữ tại
field-person-custody-help = mỗi dòng một lần bị giữ: `site id; from; to` (có thể bỏ ngày)
field-person-exit = Cách rời đi
field-person-pii-legal_name = Tên pháp lý
field-person-pii-date_of_birth = Ngày sinh
field-person-pii-date_of_birth-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-person-pii-contact = Liên lạc
field-person-pii-document_numbers = Số giấy tờ
field-person-pii-document_numbers-help = phân cách bằng dấu phẩy
field-person-pii-address = Địa chỉ
field-person-sources = Nguồn
field-person-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-person-sensitivity = Mức độ nhạy cảm

## testimony

field-testimony-id = Mã
field-testimony-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-testimony-person = Người
field-testimony-date = Ngày phỏng vấn
field-testimony-date-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-testimony-consent = Sự đồng ý
field-testimony-language = Ngôn ngữ
field-testimony-language-help = BCP 47, ví dụ km hoặc zh-Hans
field-testimony-interviewer = Người phỏng vấn
field-testimony-transcript = Bản ghi lời khai
field-testimony-findings = Phát hiện
field-testimony-findings-help = mỗi dòng một mục: `code; site id; date; note` (có thể để trống trừ mã)
field-testimony-sources = Nguồn
field-testimony-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-testimony-sensitivity = Mức độ nhạy cảm

## incident

field-incident-id = Mã
field-incident-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-incident-type = Loại
field-incident-date = Ngày
field-incident-date-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-incident-site = Địa điểm
field-incident-victims = Nạn nhân
field-incident-victims-help = mã người, phân cách bằng dấu phẩy
field-incident-perpetrators = Thủ phạm
field-incident-perpetrators-help = mã người hoặc tổ chức, phân cách bằng dấu phẩy
field-incident-testimony = Lời khai
field-incident-description = Mô tả
field-incident-sources = Nguồn
field-incident-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-incident-sensitivity = Mức độ nhạy cảm

## ad

field-ad-id = Mã
field-ad-id-help = 1 đến 128 ký tự A-Z a-z 0-9 . _ : -
field-ad-platform = Nền tảng
field-ad-text = Nội dung
field-ad-url = URL
field-ad-posted = Ngày đăng
field-ad-posted-help = YYYY, YYYY-MM hoặc YYYY-MM-DD
field-ad-language = Ngôn ngữ
field-ad-language-help = BCP 47, ví dụ km hoặc zh-Hans
field-ad-sources = Nguồn
field-ad-sources-help = mã nguồn, phân cách bằng dấu phẩy
field-ad-sensitivity = Mức độ nhạy cảm

## values

value-agency = Cơ quan
value-anonymous_use = Dùng ẩn danh
value-beating = Đánh đập
value-casino = Sòng bạc
value-child_labour = Lao động trẻ em
value-closed = Đã đóng cửa
value-closure_order = Lệnh đóng cửa
value-company = Công ty
value-confinement = Giam giữ
value-court_record = Hồ sơ tòa án
value-criminal_group = Nhóm tội phạm
value-death = Tử vong
value-debt_bondage = Nợ nần ràng buộc
value-deported = Bị trục xuất
value-died = Đã chết
value-document_confiscation = Tịch thu giấy tờ
value-electric_shock = Sốc điện
value-escaped = Trốn thoát
value-facebook = Facebook
value-female = Nữ
value-field_visit = Khảo sát thực địa
value-forced_criminality = Cưỡng ép phạm tội
value-government = Chính phủ
value-government_agency = Cơ quan nhà nước
value-government_data = Dữ liệu nhà nước
value-hotel = Khách sạn
value-industrial = Công nghiệp
value-inspection = Thanh tra
value-instagram = Instagram
value-internal = Nội bộ
value-internal_only = Chỉ dùng nội bộ
value-interview = Phỏng vấn
value-job_board = Trang tuyển dụng
value-law_enforcement = Cơ quan thực thi pháp luật
value-line = LINE
value-male = Nam
value-media = Truyền thông
value-ngo = Tổ chức phi chính phủ
value-ngo_data = Dữ liệu của tổ chức phi chính phủ
value-office = Văn phòng
value-operating = Đang hoạt động
value-other = Khác
value-perpetrator = Thủ phạm
value-personal_contact = Người quen
value-platform = Nền tảng
value-public = Công khai
value-public_use = Dùng công khai
value-raid = Đột kích
value-ransom_paid = Đã trả tiền chuộc
value-recruiter = Người tuyển mộ
value-released = Được thả
value-relocated = Đã chuyển đi
value-report = Báo cáo
value-rescue = Giải cứu
value-rescued = Được giải cứu
value-residential = Khu dân cư
value-restricted = Hạn chế
value-sale_or_transfer = Mua bán hoặc chuyển nhượng
value-satellite_imagery = Ảnh vệ tinh
value-scam_compound = Khu lừa đảo
value-sexual_violence = Bạo lực tình dục
value-social_media = Mạng xã hội
value-sold_or_transferred = Bị bán hoặc chuyển nhượng
value-special_economic_zone = Đặc khu kinh tế
value-still_held = Vẫn bị giữ
value-survivor = Người sống sót
value-suspected_site = Địa điểm nghi vấn
value-telegram = Telegram
value-testimony = Lời khai
value-threat = Đe dọa
value-tiktok = TikTok
value-torture = Tra tấn
value-under_construction = Đang xây dựng
value-unknown = Không rõ
value-victim = Nạn nhân
value-wechat = WeChat
value-whatsapp = WhatsApp
value-withdrawn = Đã rút lại
value-withheld_wages = Giữ lương
value-witness = Nhân chứng
value-x = X

## Record kinds: a name, and a plural for lists

kind-source = Nguồn
kind-source-plural = Nguồn
kind-organization = Tổ chức
kind-organization-plural = Tổ chức
kind-site = Địa điểm
kind-site-plural = Địa điểm
kind-site_status = Tình trạng địa điểm
kind-site_status-plural = Tình trạng địa điểm
kind-intervention = Can thiệp
kind-intervention-plural = Can thiệp
kind-person = Người
kind-person-plural = Người
kind-testimony = Lời khai
kind-testimony-plural = Lời khai
kind-incident = Vụ việc
kind-incident-plural = Vụ việc
kind-ad = Quảng cáo
kind-ad-plural = Quảng cáo

## Countries (ISO 3166-1 alpha-2), short names

country-AF = Afghanistan
country-AU = Úc
country-BD = Bangladesh
country-BN = Brunei
country-BR = Brazil
country-BT = Bhutan
country-CA = Canada
country-CM = Cameroon
country-CN = Trung Quốc
country-CZ = Séc
country-DE = Đức
country-EG = Ai Cập
country-ER = Eritrea
country-ET = Ethiopia
country-FR = Pháp
country-GB = Vương quốc Anh
country-GH = Ghana
country-HK = Hồng Kông
country-ID = Indonesia
country-IN = Ấn Độ
country-IR = Iran
country-JP = Nhật Bản
country-KE = Kenya
country-KG = Kyrgyzstan
country-KH = Campuchia
country-KR = Hàn Quốc
country-KZ = Kazakhstan
country-LA = Lào
country-LK = Sri Lanka
country-MA = Maroc
country-MM = Myanmar
country-MN = Mông Cổ
country-MO = Ma Cao
country-MY = Malaysia
country-NG = Nigeria
country-NP = Nepal
country-NZ = New Zealand
country-PH = Philippines
country-PK = Pakistan
country-RU = Nga
country-SG = Singapore
country-TH = Thái Lan
country-TJ = Tajikistan
country-TL = Timor-Leste
country-TR = Thổ Nhĩ Kỳ
country-TW = Đài Loan
country-TZ = Tanzania
country-UA = Ukraina
country-UG = Uganda
country-US = Hoa Kỳ
country-UZ = Uzbekistan
country-VN = Việt Nam
country-ZA = Nam Phi
