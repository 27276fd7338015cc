# zonewatch — English (en), the source language.
# Written by the zonewatch developers; every other locale translates these keys.

### The field table (crates/model/src/fields.rs): a label per field, `-help` where a
### field says how to write it, and a label per vocabulary value.


## source

field-source-id = Id
field-source-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-source-title = Title
field-source-type = Type
field-source-url = URL
field-source-date = Date
field-source-date-help = YYYY, YYYY-MM or YYYY-MM-DD
field-source-publisher = Publisher
field-source-sha256 = SHA-256 of an archived copy
field-source-sources = Sources
field-source-sources-help = source ids, comma-separated
field-source-sensitivity = Sensitivity

## organization

field-organization-id = Id
field-organization-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-organization-name = Name
field-organization-type = Type
field-organization-aliases = Aliases
field-organization-aliases-help = comma-separated
field-organization-country = Country
field-organization-country-help = ISO 3166-1 alpha-2, e.g. KH
field-organization-sources = Sources
field-organization-sources-help = source ids, comma-separated
field-organization-sensitivity = Sensitivity

## site

field-site-id = Id
field-site-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-site-name = Name
field-site-category = Category
field-site-country = Country
field-site-country-help = ISO 3166-1 alpha-2, e.g. KH
field-site-admin1 = Province / state
field-site-admin2 = District / city
field-site-lat = Latitude
field-site-lon = Longitude
field-site-former_use = Former use
field-site-aliases = Aliases
field-site-aliases-help = comma-separated
field-site-operators = Operators
field-site-operators-help = organization ids, comma-separated
field-site-sources = Sources
field-site-sources-help = source ids, comma-separated
field-site-sensitivity = Sensitivity

## site_status

field-site_status-id = Id
field-site_status-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-site_status-site = Site
field-site_status-date = Date
field-site_status-date-help = YYYY, YYYY-MM or YYYY-MM-DD
field-site_status-status = Status
field-site_status-basis = Basis
field-site_status-relocated_to = Relocated to
field-site_status-note = Note
field-site_status-sources = Sources
field-site_status-sources-help = source ids, comma-separated
field-site_status-sensitivity = Sensitivity

## intervention

field-intervention-id = Id
field-intervention-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-intervention-site = Site
field-intervention-date = Date
field-intervention-date-help = YYYY, YYYY-MM or YYYY-MM-DD
field-intervention-type = Type
field-intervention-agencies = Agencies
field-intervention-agencies-help = organization ids, comma-separated
field-intervention-persons_removed = Persons removed
field-intervention-persons_arrested = Persons arrested
field-intervention-note = Note
field-intervention-sources = Sources
field-intervention-sources-help = source ids, comma-separated
field-intervention-sensitivity = Sensitivity

## person

field-person-id = Id
field-person-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-person-alias = Alias
field-person-alias-help = a pseudonym, never a legal name
field-person-roles = Roles
field-person-roles-help = comma-separated: survivor, victim, witness, perpetrator, recruiter
field-person-nationality = Nationality
field-person-nationality-help = ISO 3166-1 alpha-2, e.g. KH
field-person-gender = Gender
field-person-age_at_entry = Age when recruited or first held
field-person-recruitment-channel = Recruited through
field-person-recruitment-promised_job = Promised job
field-person-recruitment-promised_salary_usd = Promised salary (USD per month)
field-person-recruitment-date = Recruited on
field-person-recruitment-date-help = YYYY, YYYY-MM or YYYY-MM-DD
field-person-recruitment-ad = Recruitment ad
field-person-custody = Held at
field-person-custody-help = one stay per line: `site id; from; to` (dates may be left out)
field-person-exit = Exit
field-person-pii-legal_name = Legal name
field-person-pii-date_of_birth = Date of birth
field-person-pii-date_of_birth-help = YYYY, YYYY-MM or YYYY-MM-DD
field-person-pii-contact = Contact
field-person-pii-document_numbers = Document numbers
field-person-pii-document_numbers-help = comma-separated
field-person-pii-address = Address
field-person-sources = Sources
field-person-sources-help = source ids, comma-separated
field-person-sensitivity = Sensitivity

## testimony

field-testimony-id = Id
field-testimony-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-testimony-person = Person
field-testimony-date = Date of the interview
field-testimony-date-help = YYYY, YYYY-MM or YYYY-MM-DD
field-testimony-consent = Consent
field-testimony-language = Language
field-testimony-language-help = BCP 47, e.g. km or zh-Hans
field-testimony-interviewer = Interviewer
field-testimony-transcript = Transcript
field-testimony-findings = Findings
field-testimony-findings-help = one per line: `code; site id; date; note` (all but the code may be left empty)
field-testimony-sources = Sources
field-testimony-sources-help = source ids, comma-separated
field-testimony-sensitivity = Sensitivity

## incident

field-incident-id = Id
field-incident-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-incident-type = Type
field-incident-date = Date
field-incident-date-help = YYYY, YYYY-MM or YYYY-MM-DD
field-incident-site = Site
field-incident-victims = Victims
field-incident-victims-help = person ids, comma-separated
field-incident-perpetrators = Perpetrators
field-incident-perpetrators-help = person or organization ids, comma-separated
field-incident-testimony = Testimony
field-incident-description = Description
field-incident-sources = Sources
field-incident-sources-help = source ids, comma-separated
field-incident-sensitivity = Sensitivity

## ad

field-ad-id = Id
field-ad-id-help = 1 to 128 of A-Z a-z 0-9 . _ : -
field-ad-platform = Platform
field-ad-text = Text
field-ad-url = URL
field-ad-posted = Posted
field-ad-posted-help = YYYY, YYYY-MM or YYYY-MM-DD
field-ad-language = Language
field-ad-language-help = BCP 47, e.g. km or zh-Hans
field-ad-sources = Sources
field-ad-sources-help = source ids, comma-separated
field-ad-sensitivity = Sensitivity

## values

value-agency = Agency
value-anonymous_use = Anonymous use
value-beating = Beating
value-casino = Casino
value-child_labour = Child labour
value-closed = Closed
value-closure_order = Closure order
value-company = Company
value-confinement = Confinement
value-court_record = Court record
value-criminal_group = Criminal group
value-death = Death
value-debt_bondage = Debt bondage
value-deported = Deported
value-died = Died
value-document_confiscation = Document confiscation
value-electric_shock = Electric shock
value-escaped = Escaped
value-facebook = Facebook
value-female = Female
value-field_visit = Field visit
value-forced_criminality = Forced criminality
value-government = Government
value-government_agency = Government agency
value-government_data = Government data
value-hotel = Hotel
value-industrial = Industrial
value-inspection = Inspection
value-instagram = Instagram
value-internal = Internal
value-internal_only = Internal only
value-interview = Interview
value-job_board = Job board
value-law_enforcement = Law enforcement
value-line = LINE
value-male = Male
value-media = Media
value-ngo = NGO
value-ngo_data = NGO data
value-office = Office
value-operating = Operating
value-other = Other
value-perpetrator = Perpetrator
value-personal_contact = Personal contact
value-platform = Platform
value-public = Public
value-public_use = Public use
value-raid = Raid
value-ransom_paid = Ransom paid
value-recruiter = Recruiter
value-released = Released
value-relocated = Relocated
value-report = Report
value-rescue = Rescue
value-rescued = Rescued
value-residential = Residential
value-restricted = Restricted
value-sale_or_transfer = Sale or transfer
value-satellite_imagery = Satellite imagery
value-scam_compound = Scam compound
value-sexual_violence = Sexual violence
value-social_media = Social media
value-sold_or_transferred = Sold or transferred
value-special_economic_zone = Special economic zone
value-still_held = Still held
value-survivor = Survivor
value-suspected_site = Suspected site
value-telegram = Telegram
value-testimony = Testimony
value-threat = Threat
value-tiktok = TikTok
value-torture = Torture
value-under_construction = Under construction
value-unknown = Unknown
value-victim = Victim
value-wechat = WeChat
value-whatsapp = WhatsApp
value-withdrawn = Withdrawn
value-withheld_wages = Withheld wages
value-witness = Witness
value-x = X

## Record kinds: a name, and a plural for lists

kind-source = Source
kind-source-plural = Sources
kind-organization = Organization
kind-organization-plural = Organizations
kind-site = Site
kind-site-plural = Sites
kind-site_status = Site status
kind-site_status-plural = Site statuses
kind-intervention = Intervention
kind-intervention-plural = Interventions
kind-person = Person
kind-person-plural = Persons
kind-testimony = Testimony
kind-testimony-plural = Testimonies
kind-incident = Incident
kind-incident-plural = Incidents
kind-ad = Ad
kind-ad-plural = Ads

## Countries (ISO 3166-1 alpha-2), short names

country-AF = Afghanistan
country-AU = Australia
country-BD = Bangladesh
country-BN = Brunei
country-BR = Brazil
country-BT = Bhutan
country-CA = Canada
country-CM = Cameroon
country-CN = China
country-CZ = Czechia
country-DE = Germany
country-EG = Egypt
country-ER = Eritrea
country-ET = Ethiopia
country-FR = France
country-GB = United Kingdom
country-GH = Ghana
country-HK = Hong Kong
country-ID = Indonesia
country-IN = India
country-IR = Iran
country-JP = Japan
country-KE = Kenya
country-KG = Kyrgyzstan
country-KH = Cambodia
country-KR = South Korea
country-KZ = Kazakhstan
country-LA = Laos
country-LK = Sri Lanka
country-MA = Morocco
country-MM = Myanmar
country-MN = Mongolia
country-MO = Macao
country-MY = Malaysia
country-NG = Nigeria
country-NP = Nepal
country-NZ = New Zealand
country-PH = Philippines
country-PK = Pakistan
country-RU = Russia
country-SG = Singapore
country-TH = Thailand
country-TJ = Tajikistan
country-TL = Timor-Leste
country-TR = Türkiye
country-TW = Taiwan
country-TZ = Tanzania
country-UA = Ukraine
country-UG = Uganda
country-US = United States
country-UZ = Uzbekistan
country-VN = Viet Nam
country-ZA = South Africa
