# zonewatch — Chinese, simplified script (zh-Hans).
# machine-drafted, awaiting review by a native speaker. Drafted from the English source (en); correct it freely (docs/TRANSLATING.md).

### The field table (crates/model/src/fields.rs): a label per field, `-help` where a
### field says how to write it, and a label per vocabulary value.


## source

field-source-id = 编号
field-source-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-source-title = 标题
field-source-type = 类型
field-source-url = 网址
field-source-date = 日期
field-source-date-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-source-publisher = 发布者
field-source-sha256 = 存档副本的 SHA-256
field-source-sources = 来源
field-source-sources-help = 来源编号，以逗号分隔
field-source-sensitivity = 敏感级别

## organization

field-organization-id = 编号
field-organization-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-organization-name = 名称
field-organization-type = 类型
field-organization-aliases = 别名
field-organization-aliases-help = 以逗号分隔
field-organization-country = 国家
field-organization-country-help = ISO 3166-1 alpha-2，如 KH
field-organization-sources = 来源
field-organization-sources-help = 来源编号，以逗号分隔
field-organization-sensitivity = 敏感级别

## site

field-site-id = 编号
field-site-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-site-name = 名称
field-site-category = 类别
field-site-country = 国家
field-site-country-help = ISO 3166-1 alpha-2，如 KH
field-site-admin1 = 省 / 州
field-site-admin2 = 区县 / 城市
field-site-lat = 纬度
field-site-lon = 经度
field-site-former_use = 原用途
field-site-aliases = 别名
field-site-aliases-help = 以逗号分隔
field-site-operators = 经营者
field-site-operators-help = 组织编号，以逗号分隔
field-site-sources = 来源
field-site-sources-help = 来源编号，以逗号分隔
field-site-sensitivity = 敏感级别

## site_status

field-site_status-id = 编号
field-site_status-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-site_status-site = 地点
field-site_status-date = 日期
field-site_status-date-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-site_status-status = 状态
field-site_status-basis = 依据
field-site_status-relocated_to = 搬迁至
field-site_status-note = 备注
field-site_status-sources = 来源
field-site_status-sources-help = 来源编号，以逗号分隔
field-site_status-sensitivity = 敏感级别

## intervention

field-intervention-id = 编号
field-intervention-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-intervention-site = 地点
field-intervention-date = 日期
field-intervention-date-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-intervention-type = 类型
field-intervention-agencies = 机构
field-intervention-agencies-help = 组织编号，以逗号分隔
field-intervention-persons_removed = 被带离人数
field-intervention-persons_arrested = 被捕人数
field-intervention-note = 备注
field-intervention-sources = 来源
field-intervention-sources-help = 来源编号，以逗号分隔
field-intervention-sensitivity = 敏感级别

## person

field-person-id = 编号
field-person-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-person-alias = 化名
field-person-alias-help = 化名，切勿填写法定姓名
field-person-roles = 角色
field-person-roles-help = 以逗号分隔：survivor, victim, witness, perpetrator, recruiter
field-person-nationality = 国籍
field-person-nationality-help = ISO 3166-1 alpha-2，如 KH
field-person-gender = 性别
field-person-age_at_entry = 被招募或首次被扣押时的年龄
field-person-recruitment-channel = 招募渠道
field-person-recruitment-promised_job = 承诺的工作
field-person-recruitment-promised_salary_usd = 承诺的工资（美元/月）
field-person-recruitment-date = 招募日期
field-person-recruitment-date-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-person-recruitment-ad = 招募广告
field-person-custody = 被扣押于
field-person-custody-help = 每行一段扣押：`site id; from; to`（日期可省略）
field-person-exit = 离开方式
field-person-pii-legal_name = 法定姓名
field-person-pii-date_of_birth = 出生日期
field-person-pii-date_of_birth-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-person-pii-contact = 联系方式
field-person-pii-document_numbers = 证件号码
field-person-pii-document_numbers-help = 以逗号分隔
field-person-pii-address = 地址
field-person-sources = 来源
field-person-sources-help = 来源编号，以逗号分隔
field-person-sensitivity = 敏感级别

## testimony

field-testimony-id = 编号
field-testimony-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-testimony-person = 个人
field-testimony-date = 访谈日期
field-testimony-date-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-testimony-consent = 同意
field-testimony-language = 语言
field-testimony-language-help = BCP 47，如 km 或 zh-Hans
field-testimony-interviewer = 访谈人
field-testimony-transcript = 访谈记录
field-testimony-findings = 发现
field-testimony-findings-help = 每行一条：`code; site id; date; note`（除代码外均可留空）
field-testimony-sources = 来源
field-testimony-sources-help = 来源编号，以逗号分隔
field-testimony-sensitivity = 敏感级别

## incident

field-incident-id = 编号
field-incident-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-incident-type = 类型
field-incident-date = 日期
field-incident-date-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-incident-site = 地点
field-incident-victims = 受害者
field-incident-victims-help = 个人编号，以逗号分隔
field-incident-perpetrators = 加害者
field-incident-perpetrators-help = 个人或组织编号，以逗号分隔
field-incident-testimony = 证词
field-incident-description = 描述
field-incident-sources = 来源
field-incident-sources-help = 来源编号，以逗号分隔
field-incident-sensitivity = 敏感级别

## ad

field-ad-id = 编号
field-ad-id-help = 1 至 128 个 A-Z a-z 0-9 . _ : - 字符
field-ad-platform = 平台
field-ad-text = 文本
field-ad-url = 网址
field-ad-posted = 发布日期
field-ad-posted-help = YYYY、YYYY-MM 或 YYYY-MM-DD
field-ad-language = 语言
field-ad-language-help = BCP 47，如 km 或 zh-Hans
field-ad-sources = 来源
field-ad-sources-help = 来源编号，以逗号分隔
field-ad-sensitivity = 敏感级别

## values

value-agency = 机构
value-anonymous_use = 匿名使用
value-beating = 殴打
value-casino = 赌场
value-child_labour = 童工
value-closed = 已关闭
value-closure_order = 关闭令
value-company = 公司
value-confinement = 拘禁
value-court_record = 法院记录
value-criminal_group = 犯罪团伙
value-death = 死亡
value-debt_bondage = 债务奴役
value-deported = 被遣返
value-died = 死亡
value-document_confiscation = 没收证件
value-electric_shock = 电击
value-escaped = 逃脱
value-facebook = Facebook
value-female = 女
value-field_visit = 实地走访
value-forced_criminality = 被迫犯罪
value-government = 政府
value-government_agency = 政府机构
value-government_data = 政府数据
value-hotel = 酒店
value-industrial = 工业
value-inspection = 检查
value-instagram = Instagram
value-internal = 内部
value-internal_only = 仅限内部
value-interview = 访谈
value-job_board = 招聘网站
value-law_enforcement = 执法机关
value-line = LINE
value-male = 男
value-media = 媒体
value-ngo = 非政府组织
value-ngo_data = 非政府组织数据
value-office = 办公楼
value-operating = 运营中
value-other = 其他
value-perpetrator = 加害者
value-personal_contact = 熟人介绍
value-platform = 平台
value-public = 公开
value-public_use = 可公开使用
value-raid = 突袭
value-ransom_paid = 已付赎金
value-recruiter = 招募者
value-released = 获释
value-relocated = 已搬迁
value-report = 报告
value-rescue = 解救
value-rescued = 获救
value-residential = 住宅
value-restricted = 受限
value-sale_or_transfer = 出售或转卖
value-satellite_imagery = 卫星图像
value-scam_compound = 诈骗园区
value-sexual_violence = 性暴力
value-social_media = 社交媒体
value-sold_or_transferred = 被出售或转卖
value-special_economic_zone = 经济特区
value-still_held = 仍被扣押
value-survivor = 幸存者
value-suspected_site = 可疑地点
value-telegram = Telegram
value-testimony = 证词
value-threat = 威胁
value-tiktok = TikTok
value-torture = 酷刑
value-under_construction = 在建
value-unknown = 未知
value-victim = 受害者
value-wechat = 微信
value-whatsapp = WhatsApp
value-withdrawn = 已撤回
value-withheld_wages = 克扣工资
value-witness = 证人
value-x = X

## Record kinds: a name, and a plural for lists

kind-source = 来源
kind-source-plural = 来源
kind-organization = 组织
kind-organization-plural = 组织
kind-site = 地点
kind-site-plural = 地点
kind-site_status = 地点状态
kind-site_status-plural = 地点状态
kind-intervention = 干预
kind-intervention-plural = 干预
kind-person = 个人
kind-person-plural = 个人
kind-testimony = 证词
kind-testimony-plural = 证词
kind-incident = 事件
kind-incident-plural = 事件
kind-ad = 广告
kind-ad-plural = 广告

## Countries (ISO 3166-1 alpha-2), short names

country-AF = 阿富汗
country-AU = 澳大利亚
country-BD = 孟加拉国
country-BN = 文莱
country-BR = 巴西
country-BT = 不丹
country-CA = 加拿大
country-CM = 喀麦隆
country-CN = 中国
country-CZ = 捷克
country-DE = 德国
country-EG = 埃及
country-ER = 厄立特里亚
country-ET = 埃塞俄比亚
country-FR = 法国
country-GB = 英国
country-GH = 加纳
country-HK = 中国香港
country-ID = 印度尼西亚
country-IN = 印度
country-IR = 伊朗
country-JP = 日本
country-KE = 肯尼亚
country-KG = 吉尔吉斯斯坦
country-KH = 柬埔寨
country-KR = 韩国
country-KZ = 哈萨克斯坦
country-LA = 老挝
country-LK = 斯里兰卡
country-MA = 摩洛哥
country-MM = 缅甸
country-MN = 蒙古
country-MO = 中国澳门
country-MY = 马来西亚
country-NG = 尼日利亚
country-NP = 尼泊尔
country-NZ = 新西兰
country-PH = 菲律宾
country-PK = 巴基斯坦
country-RU = 俄罗斯
country-SG = 新加坡
country-TH = 泰国
country-TJ = 塔吉克斯坦
country-TL = 东帝汶
country-TR = 土耳其
country-TW = 中国台湾
country-TZ = 坦桑尼亚
country-UA = 乌克兰
country-UG = 乌干达
country-US = 美国
country-UZ = 乌兹别克斯坦
country-VN = 越南
country-ZA = 南非
