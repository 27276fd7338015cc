# zonewatch — Chinese, simplified script (zh-Hans).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The web application (`zonewatch serve`): the words of every page.

## Around every page

nav-dashboard = 仪表板
nav-sites = 地点
nav-records = 记录
nav-evidence = 证据
nav-report = 报告
nav-search = 搜索
nav-search-placeholder = 搜索名称、别名、广告
nav-account = 账户
nav-tokens = 令牌
nav-logout = 退出登录
role-admin = 管理员
role-investigator = 调查员
role-analyst = 分析员
role-viewer = 查看者
error-title = 错误

## Logging in

login-title = 登录
login-user = 用户名
login-password = 密码
login-form-expired = 表单已过期或并非来自本站：请重试
login-too-many = 此处登录失败次数过多：请等待 15 分钟
login-wrong = 用户名或密码错误

## The account page

account-title = 账户
account-logged-in-as = 已登录为 { $name }，角色：{ $role }。
account-must-change = 您的密码由管理员设定：请先设置您自己的密码再继续。
account-changed = 您的密码已更改，您的其他会话已结束。
account-language = 语言
account-language-label = 页面和报告的语言
account-language-browser = 跟随浏览器设置
account-language-hint = 保存在此浏览器中（Cookie）。带有 ?lang= 的链接会以另一种语言显示单个页面。
account-language-save = 保存语言
account-language-saved = 您的语言已保存。
account-change-password = 更改密码
account-current-password = 当前密码
account-new-password = 新密码
account-new-password-again = 再次输入新密码
account-password-hint = 至少 10 个字符。更改后您的其他会话将结束。
account-change-password-button = 更改密码
account-too-many = 密码错误次数过多：请等待 15 分钟
account-enter-current = 请输入当前密码
account-passwords-differ = 两次输入的新密码不一致
account-current-wrong = 当前密码错误

## API tokens (admins)

tokens-title = API 令牌
tokens-made-with = 创建命令：
tokens-intro = ；只保存其 SHA-256，编号为其前 12 位。已撤销的令牌会立即被拒绝。
tokens-none = 没有令牌。
tokens-user = 用户
tokens-created = 创建时间
tokens-last-used = 上次使用
tokens-never = 从未
tokens-revoke = 撤销
tokens-revoked = 令牌 { $id } 已撤销：此后将被拒绝。

## The dashboard

dash-public-note = 公开数字：少于 5 的人数和事件数显示为 <5。
dash-reports = 报告
dash-internal = 内部：
dash-html-charts = HTML（含图表和方法）
dash-download-html = 下载 HTML
dash-public = 公开（隐藏小数目，不列出任何个人）：
dash-fig-scam-compounds = 诈骗园区
dash-fig-suspected-sites = 可疑地点
dash-fig-raided = 遭突袭或实施解救的地点
dash-fig-operating-after = 干预后仍在运营
dash-fig-not-operating-after = 此后停止运营
dash-fig-uncertain = 不确定
dash-fig-unobserved = 此后未观察到
dash-fig-survivors = 接受访谈的幸存者
dash-fig-minors = 接受访谈的未成年人
dash-fig-deaths = 死亡
dash-fig-trafficking = 显示人口贩运
dash-fig-forced-labour = 显示强迫劳动

## Sites

sites-new = 新建地点
sites-any = 全部
sites-province = 省份
sites-filter = 筛选
sites-count = 共 { $count } 个地点。
site-id = 编号
site-country = { $name }（{ $code }）
site-edit = 编辑地点
site-add-status = 添加状态观察
site-add-intervention = 添加干预
site-timeline = 状态与干预
site-timeline-role = 时间线需要分析员或更高的角色。
site-record = 记录

## Records: lists, pages and forms

records-title = 记录：{ $kind }
records-filter = 名称、别名或标题包含
records-new = 新建
records-id = 编号
records-name = 名称
records-date = 日期
records-sensitivity = 敏感级别
records-next = 下一页
record-withheld = 此记录有未显示的受限字段：您的角色无权读取，或服务器启动时未提供密码短语。
record-edit = 编辑
record-legal-tests = 法律检验
record-evidence = 证据文件
form-new = 新建{ $kind }
form-edit = 编辑{ $kind } { $id }
form-restricted = 受限
form-save = 保存

## Search

search-title = 搜索
search-label = 名称、别名、标题、描述、备注和广告文本中的词语
search-button = 搜索
search-restricted-note = 从不搜索受限字段（法定姓名、访谈记录、受限记录的自由文本）。
search-nothing = 没有同时包含所有词语的结果。
search-kind = 类型
search-found-in = 出现于
search-limited = 仅显示前 { $count } 条结果：请增加词语以缩小搜索范围。

## Evidence

evidence-title = 证据
evidence-for = ：
evidence-intro = 文件按收集时的原样保存，并在导入时计算 SHA-256。个人、证词和受限记录的文件会被密封，并以带密钥的哈希值标识。
evidence-none = 没有证据文件。
evidence-record = 记录
evidence-sealed-column = 密封
evidence-sealed = 已密封
evidence-open = 未密封
evidence-stored = 存储方式
evidence-file-name = 文件名
evidence-sha256 = 导入时的 SHA-256
evidence-size = 大小
evidence-bytes = { $count } 字节
evidence-collected-by = 收集人
evidence-collected-at = 收集时间
evidence-note = 备注
evidence-metadata = 元数据
evidence-metadata-sealed = 已密封：您的角色无权打开，或服务器启动时未提供密码短语
evidence-download = 下载原件
evidence-download-note = （记录在保管链中）
evidence-custody = 保管链
evidence-time = 时间
evidence-who = 操作人
evidence-event = 事件
evidence-audit-hash = 审计哈希
evidence-add = 添加文件
evidence-record-id = 记录编号
evidence-file = 文件
evidence-add-button = 添加
