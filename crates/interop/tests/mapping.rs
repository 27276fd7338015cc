//! Mapping files and messy sheets: the examples import cleanly, and every problem
//! is reported with its row, line and column (sheets) or line (mappings).

use std::path::PathBuf;

use zonewatch_interop::{csv_to_v1, field_to_column, CellError, Mapping};
use zonewatch_model::{decode_line, Kind};

fn example(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn mapping(text: &str) -> Mapping {
    Mapping::from_toml(text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The lines of a sheet that must import cleanly.
fn lines(sheet: &str, kind: Kind, mapping: Option<&Mapping>) -> Vec<String> {
    csv_to_v1(sheet.as_bytes(), kind, mapping)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|row| {
            row.result
                .unwrap_or_else(|e| panic!("row {}: {e:?}", row.row))
        })
        .collect()
}

/// Every problem of a sheet, as `row/line/column: problem` strings.
fn problems(sheet: &str, kind: Kind, mapping: Option<&Mapping>) -> Vec<CellError> {
    csv_to_v1(sheet.as_bytes(), kind, mapping)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|row| row.result.err())
        .flatten()
        .collect()
}

#[test]
fn the_example_compound_sheet_imports_cleanly() {
    let m = mapping(&example("compounds.map.toml"));
    assert_eq!(m.kind(), Kind::Site);
    let lines = lines(&example("compounds.csv"), Kind::Site, Some(&m));
    assert_eq!(
        lines,
        [
            r#"{"kind":"site","id":"KH-001","name":"Golden Sands compound (fictional)","category":"scam_compound","country":"KH","admin1":"Preah Sihanouk","admin2":"Sihanoukville","lat":10.6093,"lon":103.5296,"former_use":"casino","aliases":["Golden Sands","GS tower"]}"#,
            r#"{"kind":"site","id":"KH-002","name":"Blue Lotus block (fictional)","category":"scam_compound","country":"KH","admin1":"Koh Kong","lat":11.6153,"lon":102.9847,"former_use":"hotel"}"#,
            r#"{"kind":"site","id":"MM-001","name":"Riverside park (fictional)","category":"scam_compound","country":"MM","admin1":"Kayin","admin2":"Myawaddy","lat":16.6957,"lon":98.5056,"former_use":"casino","aliases":["KK","Shwe Kokko"]}"#,
            r#"{"kind":"site","id":"LA-001","name":"Kings Row tower (fictional)","category":"suspected_site","country":"LA","admin1":"Bokeo","former_use":"casino"}"#,
            r#"{"kind":"site","id":"KH-003","name":"Old market building (fictional)","category":"suspected_site","country":"KH","admin1":"Banteay Meanchey","admin2":"Poipet"}"#,
        ]
    );
}

#[test]
fn the_example_visits_sheet_reads_dates_and_makes_ids() {
    let m = mapping(&example("compound-visits.map.toml"));
    let lines = lines(&example("compound-visits.csv"), Kind::SiteStatus, Some(&m));
    assert_eq!(
        lines[0],
        r#"{"kind":"site_status","id":"obs-kh-001-03-11-2024","site":"KH-001","date":"2024-11-03","status":"operating","basis":"field_visit","note":"Guards at the gate (fictional)"}"#
    );
    assert!(lines[2].contains(r#""date":"2024-11""#), "{}", lines[2]);
    assert!(
        lines[3].contains(r#""status":"under_construction""#),
        "{}",
        lines[3]
    );
    for line in &lines {
        decode_line(line).unwrap();
    }
}

#[test]
fn the_example_error_sheet_reports_row_line_and_column() {
    let m = mapping(&example("compounds.map.toml"));
    let errors = problems(&example("compounds-errors.csv"), Kind::Site, Some(&m));
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let has = |row: usize, column: &str, text: &str| {
        assert!(
            errors.iter().any(|e| e.row == row
                && e.line == row as u64 + 1
                && e.column.as_deref() == Some(column)
                && e.problem.contains(text)),
            "row {row} column {column}: {text}\n{}",
            shown.join("\n")
        )
    };
    has(
        1,
        "Type",
        "expected one of `scam_compound`, `suspected_site`, got \"Scam compund\"",
    );
    has(2, "Compound name", "required field is missing");
    has(2, "Country", "got \"Cambodge\"");
    has(2, "Coordinates", "expected `latitude, longitude`");
    has(2, "Former use", "got \"Karaoke bar\"");
    has(3, "Ref", "the id is made from this column, and it is empty");
    // A decoder error on `lat` is traced back to the column it came from.
    has(
        4,
        "Coordinates",
        "expected a number from -90 to 90, got 95.1",
    );
    assert_eq!(errors.len(), 7, "{}", shown.join("\n"));
    assert_eq!(
        shown[0],
        "row 1 (line 2), column `Type` (field `category`): expected one of `scam_compound`, \
         `suspected_site`, got \"Scam compund\", and the mapping's values for `category` do \
         not name it"
    );
}

#[test]
fn rows_spanning_lines_report_the_line_they_start_on() {
    let sheet = "id,name,category,country\ns-1,\"Two\nlines\",scam_compound,KH\ns-2,X,casino,KH\n";
    let errors = problems(sheet, Kind::Site, None);
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].row, errors[0].line), (2, 4));
    assert_eq!(errors[0].column.as_deref(), Some("category"));
}

#[test]
fn export_form_header_errors() {
    let err = csv_to_v1("id,nmae,category\n".as_bytes(), Kind::Site, None)
        .err()
        .unwrap();
    let text = err.to_string();
    assert!(text.contains("column `nmae`"), "{text}");
    assert!(
        text.contains("`nmae` is not a column of a site sheet"),
        "{text}"
    );

    let err = csv_to_v1("name,category\n".as_bytes(), Kind::Site, None)
        .err()
        .unwrap();
    assert!(err.to_string().contains("no `id` column"), "{err}");

    let err = csv_to_v1("".as_bytes(), Kind::Site, None).err().unwrap();
    assert!(err.to_string().contains("no header row"), "{err}");

    let err = csv_to_v1("id,name,name\n".as_bytes(), Kind::Site, None)
        .err()
        .unwrap();
    assert!(err.to_string().contains("appears twice"), "{err}");
}

#[test]
fn mapped_sheet_header_errors() {
    let m = mapping(
        r#"
kind = "site"
[id]
column = "Ref"
[columns]
"Name" = "name"
"Kategorie" = "category"
"#,
    );
    let err = csv_to_v1("Ref,Name,Category,Extra\n".as_bytes(), Kind::Site, Some(&m))
        .err()
        .unwrap();
    let text = err.to_string();
    assert!(
        text.contains("names column `Kategorie`, which the sheet does not have"),
        "{text}"
    );
    assert!(text.contains("column `Extra` is not mapped"), "{text}");
    assert!(text.contains("column `Category` is not mapped"), "{text}");

    let err = csv_to_v1("Ref,Name,id\n".as_bytes(), Kind::Site, Some(&m))
        .err()
        .unwrap();
    assert!(err.to_string().contains("column `id` gives ids"), "{err}");

    let err = csv_to_v1("Ref\n".as_bytes(), Kind::Person, Some(&m))
        .err()
        .unwrap();
    assert!(
        err.to_string()
            .contains("the mapping is for `site` records"),
        "{err}"
    );
}

#[test]
fn mapping_errors_name_their_line() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "kind = \"compound\"\n",
            1,
            "expected one of source, organization",
        ),
        (
            "kind = \"site\"\n\n[columns]\n\"Name\" = \"nmae\"\n",
            4,
            "`nmae` is not a field of a site",
        ),
        ("kind = \"site\"\nbogus = 1\n", 2, "unknown field `bogus`"),
        (
            "kind = \"site\"\n[fields.former_use]\nvalues = { Casino = \"casinos\" }\n",
            2,
            "\"Casino\" maps to \"casinos\", expected one of `casino`",
        ),
        (
            "kind = \"site\"\n[fields.name]\nseparator = \";\"\n",
            2,
            "`separator` is only for list fields",
        ),
        (
            "kind = \"site_status\"\n[fields.date]\nformat = \"%d/%m\"\n",
            2,
            "must hold one year",
        ),
        (
            "kind = \"site\"\n[fields.date]\nformat = \"%Y\"\n",
            2,
            "`date` is not a field of a site",
        ),
        (
            "kind = \"site\"\n[fields.name]\nformat = \"%Y\"\n",
            2,
            "`format` is only for date fields",
        ),
        (
            "kind = \"site\"\n[constants]\ncountry = \"Cambodia\"\n",
            3,
            "constant `country`: expected an upper-case ISO 3166-1",
        ),
        (
            "kind = \"site\"\n[id]\ntemplate = \"site\"\n",
            2,
            "has no placeholder",
        ),
        (
            "kind = \"site\"\n[id]\nprefix = \"x\"\n",
            2,
            "needs either `column`",
        ),
        (
            "kind = \"site\"\nignore = [\"A\"]\n[columns]\n\"A\" = \"name\"\n",
            4,
            "both mapped and in `ignore`",
        ),
        (
            "kind = \"site\"\n[columns]\n\"A\" = \"name\"\n\"B\" = \"name\"\n",
            4,
            "columns `A` and `B` both fill `name`",
        ),
        (
            "kind = \"site\"\n[columns]\n\"A\" = \"country\"\n[constants]\ncountry = \"KH\"\n",
            3,
            "which [constants] sets for every row",
        ),
        ("kind = \"site\"\n[columns]\nA = \n", 3, ""),
    ];
    for (text, line, message) in cases {
        let errors = Mapping::from_toml(text).expect_err(text);
        assert!(
            errors
                .iter()
                .any(|e| e.line == *line && e.message.contains(message)),
            "{text:?}: wanted line {line} `{message}`, got {errors:?}"
        );
        assert!(
            errors[0].to_string().starts_with("mapping line"),
            "{errors:?}"
        );
    }
}

#[test]
fn a_full_mapping_of_persons() {
    let m = mapping(
        r#"
kind = "person"
ignore_other_columns = true

[id]
template = "p-{row}"

[columns]
"Pseudonym" = "alias"
"Roles" = "roles"
"From" = "nationality"
"Recruited via" = "recruitment.channel"
"Salary promised" = "recruitment.promised_salary_usd"
"Recruited on" = "recruitment.date"
"Held at" = "custody.site"
"Held from" = "custody.from"
"Legal name" = "pii.legal_name"
"ID document" = "pii.document_numbers"
"ID document 2" = "pii.document_numbers"

[constants]
sensitivity = "restricted"

[defaults]
roles = ["victim"]

[fields.roles]
separator = "/"
case_insensitive = true

[fields."recruitment.channel"]
case_insensitive = true
values = { "FB" = "facebook", "Telegram group" = "telegram", "?" = "" }

[fields."recruitment.promised_salary_usd"]
strip = ["$", ",", "USD"]

[fields."recruitment.date"]
format = ["%b %Y", "%Y"]

[fields."custody.from"]
format = "%d.%m.%Y"

[fields.nationality]
case_insensitive = true
values = { "Thai" = "TH", "Vietnamese" = "VN" }
"#,
    );
    let sheet = "\u{feff}Pseudonym,Roles,From,Recruited via,Salary promised,Recruited on,Held at,Held from,Legal name,ID document,ID document 2,Notes\n\
        Mai,Survivor/Witness,thai,fb,\"$1,500\",Jan 2023,site-a,01.02.2023,(fictional),X1,X2,ignored\n\
        Dao,,VN,?,1200 USD,2022,site-b,,,X3,X3,\n";
    let lines = lines(sheet, Kind::Person, Some(&m));
    assert_eq!(
        lines,
        [
            r#"{"kind":"person","id":"p-1","alias":"Mai","roles":["survivor","witness"],"nationality":"TH","recruitment":{"channel":"facebook","promised_salary_usd":1500,"date":"2023-01"},"custody":[{"site":"site-a","from":"2023-02-01"}],"pii":{"legal_name":"(fictional)","document_numbers":["X1","X2"]},"sensitivity":"restricted"}"#,
            r#"{"kind":"person","id":"p-2","alias":"Dao","roles":["victim"],"nationality":"VN","recruitment":{"promised_salary_usd":1200,"date":"2022"},"custody":[{"site":"site-b"}],"pii":{"document_numbers":["X3"]},"sensitivity":"restricted"}"#,
        ]
    );

    // Errors in restricted columns never show the value.
    let sheet = "Pseudonym,Legal name\nMai,\n";
    let m2 = mapping(
        "kind = \"person\"\n[id]\ntemplate = \"p-{row}\"\n[columns]\n\"Pseudonym\" = \"alias\"\n\"Legal name\" = \"pii.date_of_birth\"\n",
    );
    let errors = problems(
        "Pseudonym,Legal name\nMai,secret-dob\n",
        Kind::Person,
        Some(&m2),
    );
    let text = format!("{errors:?}");
    assert!(!text.contains("secret-dob"), "{text}");
    assert!(text.contains("Legal name"), "{text}");
    // `roles` is required: no default in this mapping.
    let errors = problems(sheet, Kind::Person, Some(&m2));
    assert!(
        errors.iter().any(|e| e.field.as_deref() == Some("roles")),
        "{errors:?}"
    );
}

#[test]
fn field_to_column_maps_import_errors_back_to_the_sheet() {
    let m = mapping(
        r#"
kind = "person"
[id]
column = "Ref"
[columns]
"Name" = "alias"
"Held at" = "custody.site"
"Ad" = "recruitment.ad"
[constants]
roles = ["victim"]
"#,
    );
    assert_eq!(
        field_to_column(Some(&m), "custody[0].site").as_deref(),
        Some("Held at")
    );
    assert_eq!(
        field_to_column(Some(&m), "recruitment.ad").as_deref(),
        Some("Ad")
    );
    assert_eq!(field_to_column(Some(&m), "id").as_deref(), Some("Ref"));
    assert_eq!(field_to_column(Some(&m), "alias").as_deref(), Some("Name"));
    assert_eq!(field_to_column(Some(&m), "roles[0]"), None);
    // A header that names its field directly.
    assert_eq!(
        field_to_column(Some(&m), "nationality").as_deref(),
        Some("nationality")
    );

    let sites =
        mapping("kind = \"site\"\n[columns]\n\"Where\" = \"lat_lon\"\n\"Ops\" = \"operators\"\n");
    assert_eq!(
        field_to_column(Some(&sites), "lat").as_deref(),
        Some("Where")
    );
    assert_eq!(
        field_to_column(Some(&sites), "operators[1]").as_deref(),
        Some("Ops")
    );
    assert_eq!(
        field_to_column(None, "operators[1]").as_deref(),
        Some("operators")
    );
}

#[test]
fn value_maps_turn_names_into_ids_and_lists_gather_columns() {
    let m = mapping(
        r#"
kind = "site"
[id]
column = "Name"
slug = true
[columns]
"Name" = "name"
"Operator" = "operators"
"Alias 1" = "aliases"
"Alias 2" = "aliases"
[constants]
category = "scam_compound"
country = "KH"
[fields.operators]
values = { "Golden Group (fictional)" = "org-golden" }
"#,
    );
    let sheet =
        "Name,Operator,Alias 1,Alias 2\nGolden Reef (fictional),Golden Group (fictional),GR,Reef\n";
    assert_eq!(
        lines(sheet, Kind::Site, Some(&m)),
        [
            r#"{"kind":"site","id":"golden-reef-fictional","name":"Golden Reef (fictional)","category":"scam_compound","country":"KH","aliases":["GR","Reef"],"operators":["org-golden"]}"#
        ]
    );
    let errors = problems(
        "Name,Operator,Alias 1,Alias 2\nไทย,Blue Co,,\n",
        Kind::Site,
        Some(&m),
    );
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("column `Name` (field `id`)")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("column `Operator`") && t.contains("item 1 (\"Blue Co\")")),
        "{text:?}"
    );
}

#[test]
fn blank_rows_are_skipped_and_long_rows_reported() {
    let sheet = "id,name,category,country\n,,,\ns-1,A,scam_compound,KH,extra\n";
    let rows: Vec<_> = csv_to_v1(sheet.as_bytes(), Kind::Site, None)
        .unwrap()
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].row, 2);
    let errors = rows[0].result.clone().unwrap_err();
    assert!(
        errors[0].problem.contains("5 cells but the header names 4"),
        "{errors:?}"
    );
}

#[test]
fn invalid_utf8_is_reported_and_reading_goes_on() {
    let mut sheet = b"id,name,category,country\ns-1,".to_vec();
    sheet.extend_from_slice(&[0xff, 0xfe]);
    sheet.extend_from_slice(b",scam_compound,KH\ns-2,B,scam_compound,KH\n");
    let rows: Vec<_> = csv_to_v1(&sheet[..], Kind::Site, None).unwrap().collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].result.as_ref().unwrap_err()[0]
        .problem
        .contains("UTF-8"));
    assert!(rows[1].result.is_ok());
}
