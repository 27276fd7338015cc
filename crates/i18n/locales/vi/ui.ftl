# zonewatch — Vietnamese (vi).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The web application (`zonewatch serve`): the words of every page.

## Around every page

nav-dashboard = Bảng tổng quan
nav-sites = Địa điểm
nav-records = Hồ sơ
nav-evidence = Bằng chứng
nav-report = Báo cáo
nav-search = Tìm kiếm
nav-search-placeholder = Tìm tên, bí danh, quảng cáo
nav-account = Tài khoản
nav-tokens = Mã truy cập
nav-logout = Đăng xuất
role-admin = quản trị viên
role-investigator = điều tra viên
role-analyst = phân tích viên
role-viewer = người xem
error-title = Lỗi

## Logging in

login-title = Đăng nhập
login-user = Tên người dùng
login-password = Mật khẩu
login-form-expired = biểu mẫu đã hết hạn hoặc không đến từ trang này: hãy thử lại
login-too-many = đăng nhập sai quá nhiều lần từ đây: hãy chờ 15 phút
login-wrong = sai tên người dùng hoặc mật khẩu

## The account page

account-title = Tài khoản
account-logged-in-as = Đăng nhập với tên { $name }, vai trò { $role }.
account-must-change = Quản trị viên đã đặt mật khẩu cho bạn: hãy đặt mật khẩu của riêng bạn trước khi tiếp tục.
account-changed = Mật khẩu của bạn đã được đổi và các phiên khác của bạn đã kết thúc.
account-language = Ngôn ngữ
account-language-label = Ngôn ngữ của các trang và báo cáo
account-language-browser = Theo trình duyệt của tôi
account-language-hint = Lưu trong trình duyệt này (cookie). Liên kết có ?lang= hiển thị một trang bằng ngôn ngữ khác.
account-language-save = Lưu ngôn ngữ
account-language-saved = Đã lưu ngôn ngữ của bạn.
account-change-password = Đổi mật khẩu
account-current-password = Mật khẩu hiện tại
account-new-password = Mật khẩu mới
account-new-password-again = Nhập lại mật khẩu mới
account-password-hint = Ít nhất 10 ký tự. Các phiên khác của bạn sẽ kết thúc khi đổi mật khẩu.
account-change-password-button = Đổi mật khẩu
account-too-many = sai mật khẩu quá nhiều lần: hãy chờ 15 phút
account-enter-current = hãy nhập mật khẩu hiện tại
account-passwords-differ = hai mật khẩu mới không khớp
account-current-wrong = mật khẩu hiện tại không đúng

## API tokens (admins)

tokens-title = Mã truy cập API
tokens-made-with = Tạo bằng
tokens-intro = ; chỉ lưu SHA-256 của mã, và mã định danh là 12 chữ số đầu. Mã bị thu hồi sẽ bị từ chối ngay.
tokens-none = Không có mã truy cập.
tokens-user = Người dùng
tokens-created = Ngày tạo
tokens-last-used = Lần dùng cuối
tokens-never = chưa bao giờ
tokens-revoke = Thu hồi
tokens-revoked = Mã { $id } đã bị thu hồi: từ nay sẽ bị từ chối.

## The dashboard

dash-public-note = Số liệu công khai: số người và số vụ việc dưới 5 được hiển thị là <5.
dash-reports = Báo cáo
dash-internal = Nội bộ:
dash-html-charts = HTML, có biểu đồ và phương pháp
dash-download-html = tải HTML
dash-public = Công khai (ẩn số nhỏ, không nêu tên ai):
dash-fig-scam-compounds = khu lừa đảo
dash-fig-suspected-sites = địa điểm nghi vấn
dash-fig-raided = địa điểm bị đột kích hoặc giải cứu
dash-fig-operating-after = vẫn hoạt động sau can thiệp
dash-fig-not-operating-after = ngừng hoạt động sau đó
dash-fig-uncertain = chưa rõ
dash-fig-unobserved = không được quan sát từ đó
dash-fig-survivors = người sống sót được phỏng vấn
dash-fig-minors = trẻ vị thành niên được phỏng vấn
dash-fig-deaths = người tử vong
dash-fig-trafficking = có dấu hiệu mua bán người
dash-fig-forced-labour = có dấu hiệu lao động cưỡng bức

## Sites

sites-new = Địa điểm mới
sites-any = tất cả
sites-province = Tỉnh
sites-filter = Lọc
sites-count = { $count } địa điểm.
site-id = mã
site-country = { $name } ({ $code })
site-edit = Sửa địa điểm
site-add-status = Thêm quan sát tình trạng
site-add-intervention = Thêm can thiệp
site-timeline = Tình trạng và can thiệp
site-timeline-role = Dòng thời gian cần vai trò phân tích viên trở lên.
site-record = Hồ sơ

## Records: lists, pages and forms

records-title = Hồ sơ: { $kind }
records-filter = Tên, bí danh hoặc tiêu đề chứa
records-new = Mới
records-id = Mã
records-name = Tên
records-date = Ngày
records-sensitivity = Mức độ nhạy cảm
records-next = Trang sau
record-withheld = Hồ sơ này có trường hạn chế không được hiển thị: vai trò của bạn không được đọc, hoặc máy chủ khởi động mà không có cụm mật khẩu.
record-edit = Sửa
record-legal-tests = Kiểm tra pháp lý
record-evidence = Tệp bằng chứng
form-new = { $kind } mới
form-edit = Sửa { $kind } { $id }
form-restricted = hạn chế
form-save = Lưu

## Search

search-title = Tìm kiếm
search-label = Từ trong tên, bí danh, tiêu đề, mô tả, ghi chú và nội dung quảng cáo
search-button = Tìm kiếm
search-restricted-note = Không bao giờ tìm trong các trường hạn chế (tên pháp lý, bản ghi lời khai, văn bản tự do của hồ sơ hạn chế).
search-nothing = Không có kết quả chứa mọi từ.
search-kind = Loại
search-found-in = Tìm thấy trong
search-limited = Chỉ hiển thị { $count } kết quả đầu: thêm từ để thu hẹp tìm kiếm.

## Evidence

evidence-title = Bằng chứng
evidence-for = của
evidence-intro = Tệp được lưu như khi thu thập, kèm SHA-256 tính lúc nhập. Tệp của người, lời khai và hồ sơ hạn chế được niêm phong và được định danh bằng mã băm có khóa.
evidence-none = Không có tệp bằng chứng.
evidence-record = Hồ sơ
evidence-sealed-column = Niêm phong
evidence-sealed = đã niêm phong
evidence-open = mở
evidence-stored = Lưu trữ
evidence-file-name = Tên tệp
evidence-sha256 = SHA-256 lúc nhập
evidence-size = Kích thước
evidence-bytes = { $count } byte
evidence-collected-by = Người thu thập
evidence-collected-at = Thời điểm thu thập
evidence-note = Ghi chú
evidence-metadata = Siêu dữ liệu
evidence-metadata-sealed = đã niêm phong: vai trò của bạn không được mở, hoặc máy chủ khởi động mà không có cụm mật khẩu
evidence-download = Tải bản gốc
evidence-download-note = (được ghi vào chuỗi lưu giữ)
evidence-custody = Chuỗi lưu giữ
evidence-time = Thời gian
evidence-who = Ai
evidence-event = Sự kiện
evidence-audit-hash = Mã băm kiểm toán
evidence-add = Thêm tệp
evidence-record-id = Mã hồ sơ
evidence-file = Tệp
evidence-add-button = Thêm
