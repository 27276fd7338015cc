//! The map of sites a page draws: the report's renderer (zonewatch-findings), under
//! the report's rule of who sees what — a viewer's map is the public report's, with
//! only sites marked public — so a page and the report never place a site
//! differently.

use std::collections::BTreeSet;

use zonewatch_findings::{Dataset, ReportOptions};
use zonewatch_model::Kind;
use zonewatch_store::load::{load_records, Fields};

use crate::{App, AppError, Ask, Result};

impl App {
    /// The SVG map of the sites the actor may see (`only`: just these ids, as a
    /// filtered list shows), markers linking to each site's page.
    pub fn site_map_svg(&mut self, only: Option<&BTreeSet<String>>) -> Result<String> {
        let visibility = self.visibility(Ask {
            redact: true,
            ..Ask::default()
        })?;
        // A map needs the sites and what gives their latest status, no person.
        let records = load_records(
            self.store.as_mut(),
            &[Kind::Site, Kind::SiteStatus, Kind::Intervention],
            Fields::Open,
        )?;
        let dataset = Dataset::new(records).map_err(|e| {
            AppError::Invalid(format!("the database holds inconsistent records: {e}"))
        })?;
        let options = ReportOptions {
            public: visibility.public,
            trace: false,
        };
        Ok(zonewatch_findings::sites_map_svg(&dataset, &options, only))
    }
}

/// The styles the map (and the report's other charts) need, for the web's style
/// sheet: pages allow no inline style.
pub fn chart_css() -> String {
    zonewatch_findings::chart_css()
}
