# zonewatch — English (en), the source language.
# Written by the zonewatch developers; every other locale translates these keys.

### The web application (`zonewatch serve`): the words of every page.

## Around every page

nav-dashboard = Dashboard
nav-sites = Sites
nav-records = Records
nav-evidence = Evidence
nav-report = Report
nav-search = Search
nav-search-placeholder = Search names, aliases, ads
nav-account = Account
nav-tokens = Tokens
nav-logout = Log out
role-admin = admin
role-investigator = investigator
role-analyst = analyst
role-viewer = viewer
error-title = Error

## Logging in

login-title = Log in
login-user = User name
login-password = Password
login-form-expired = the form had expired or did not come from this site: try again
login-too-many = too many failed logins from here: wait 15 minutes
login-wrong = wrong user name or password

## The account page

account-title = Account
account-logged-in-as = Logged in as { $name }, role { $role }.
account-must-change = An administrator chose your password: choose your own before going on.
account-changed = Your password was changed, and your other sessions were ended.
account-language = Language
account-language-label = Language of the pages and reports
account-language-browser = As my browser asks
account-language-hint = Kept in this browser (a cookie). A link with ?lang= shows one page in another language.
account-language-save = Save language
account-language-saved = Your language was saved.
account-change-password = Change your password
account-current-password = Current password
account-new-password = New password
account-new-password-again = New password again
account-password-hint = At least 10 characters. Your other sessions end when it changes.
account-change-password-button = Change password
account-too-many = too many wrong passwords: wait 15 minutes
account-enter-current = enter your current password
account-passwords-differ = the two new passwords differ
account-current-wrong = the current password is wrong

## API tokens (admins)

tokens-title = API tokens
tokens-made-with = Made with
tokens-intro = ; only their SHA-256 is kept, and the id is its first 12 digits. A revoked token is refused at once.
tokens-none = No tokens.
tokens-user = User
tokens-created = Created
tokens-last-used = Last used
tokens-never = never
tokens-revoke = Revoke
tokens-revoked = Token { $id } was revoked: it is refused from now on.

## The dashboard

dash-public-note = The public figures: counts of persons and incidents under 5 show as <5.
dash-reports = Reports
dash-internal = Internal:
dash-html-charts = HTML, with charts and methods
dash-download-html = download HTML
dash-public = Public (small counts suppressed, no person listed):
dash-fig-scam-compounds = scam compounds
dash-fig-suspected-sites = suspected sites
dash-fig-raided = sites raided or rescued
dash-fig-operating-after = operating after intervention
dash-fig-not-operating-after = not operating after
dash-fig-uncertain = uncertain
dash-fig-unobserved = unobserved since
dash-fig-survivors = survivors interviewed
dash-fig-minors = minors interviewed
dash-fig-deaths = deaths
dash-fig-trafficking = trafficking indicated
dash-fig-forced-labour = forced labour indicated

## Sites

sites-new = New site
sites-any = any
sites-province = Province
sites-filter = Filter
sites-count = { $count } site(s).
site-id = id
site-country = { $name } ({ $code })
site-edit = Edit site
site-add-status = Add a status observation
site-add-intervention = Add an intervention
site-timeline = Status and interventions
site-timeline-role = The timeline needs the analyst role or above.
site-record = Record

## Records: lists, pages and forms

records-title = Records: { $kind }
records-filter = Name, alias or title contains
records-new = New
records-id = Id
records-name = Name
records-date = Date
records-sensitivity = Sensitivity
records-next = Next page
record-withheld = This record has restricted fields that are not shown: your role may not read them, or the server was started without the passphrase.
record-edit = Edit
record-legal-tests = Legal tests
record-evidence = Evidence files
form-new = New { $kind }
form-edit = Edit { $kind } { $id }
form-restricted = restricted
form-save = Save

## Search

search-title = Search
search-label = Words in names, aliases, titles, descriptions, notes and ad texts
search-button = Search
search-restricted-note = Restricted fields (legal names, transcripts, the free text of restricted records) are never searched.
search-nothing = Nothing matched every word.
search-kind = Kind
search-found-in = Found in
search-limited = Only the first { $count } matches are shown: add a word to narrow the search.

## Evidence

evidence-title = Evidence
evidence-for = for
evidence-intro = Files are stored as collected, with their SHA-256 taken at ingest. Files of persons, testimonies and restricted records are sealed and addressed by a keyed hash.
evidence-none = No evidence files.
evidence-record = Record
evidence-sealed-column = Sealed
evidence-sealed = sealed
evidence-open = open
evidence-stored = Stored
evidence-file-name = File name
evidence-sha256 = SHA-256 at ingest
evidence-size = Size
evidence-bytes = { $count } bytes
evidence-collected-by = Collected by
evidence-collected-at = Collected at
evidence-note = Note
evidence-metadata = Metadata
evidence-metadata-sealed = sealed: your role may not open it, or the server was started without the passphrase
evidence-download = Download the original
evidence-download-note = (recorded in the chain of custody)
evidence-custody = Chain of custody
evidence-time = Time
evidence-who = Who
evidence-event = Event
evidence-audit-hash = Audit hash
evidence-add = Add a file
evidence-record-id = Record id
evidence-file = File
evidence-add-button = Add
