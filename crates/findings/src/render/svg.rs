//! Hand-written inline SVG charts for the HTML report: bar charts, a stacked bar
//! chart, the raids-against-operation timeline and the map of sites.
//!
//! Every chart is an `<svg role="img">` with a `<title>` and `<desc>` (its data is
//! also in a table beside it), a `viewBox` so it scales with the page, and colours
//! from CSS classes of the report's one `<style>` element: no `style=` attribute,
//! no script, no external reference (patterns are referenced by `url(#id)` within
//! the document). Coordinates are printed with one decimal, so the output is the
//! same on every platform.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use zonewatch_model::{PartialDate, SiteCategory};

use super::{
    escape_html as esc, intervention_label, outcome_label, status_label, MapData, Relation,
    SiteRow, STATUSES,
};
use crate::figures::Cell;

/// A number for an SVG attribute: one decimal at most.
fn n(x: f64) -> String {
    let text = format!("{x:.1}");
    match text.strip_suffix(".0") {
        Some(whole) if whole != "-0" => whole.to_owned(),
        Some(_) => "0".to_owned(),
        None => text,
    }
}

/// At most `max` characters, with an ellipsis when cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A step of 1, 2 or 5 times a power of ten giving at most about six ticks.
fn nice_step(max: u64) -> u64 {
    let mut step = 1u64;
    loop {
        for factor in [1, 2, 5] {
            let candidate = step.saturating_mul(factor);
            if max / candidate <= 6 {
                return candidate.max(1);
            }
        }
        step = step.saturating_mul(10);
    }
}

fn open(out: &mut String, id: &str, class: &str, width: f64, height: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg class=\"{class}\" id=\"{id}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>",
        w = n(width),
        h = n(height),
        title = esc(title),
        desc = esc(desc),
    );
}

/// A hatch pattern for suppressed cells, referenced as `url(#{id}-hatch)`.
fn hatch(out: &mut String, id: &str) {
    let _ = write!(
        out,
        "<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" \
         patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" class=\"hatch-bg\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs>"
    );
}

fn text(out: &mut String, x: f64, y: f64, class: &str, content: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" class=\"{class}\">{}</text>",
        n(x),
        n(y),
        esc(content)
    );
}

fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, class: &str, tip: &str) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{class}\">",
        n(x),
        n(y),
        n(w),
        n(h)
    );
    if !tip.is_empty() {
        let _ = write!(out, "<title>{}</title>", esc(tip));
    }
    out.push_str("</rect>");
}

fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{class}\"/>",
        n(x1),
        n(y1),
        n(x2),
        n(y2)
    );
}

/// Legend items laid out left to right from `x`, wrapping at `right`; returns the
/// y of the last line. Each item is (swatch class, label, shape).
fn legend(out: &mut String, items: &[(&str, String)], x: f64, y: f64, right: f64) -> f64 {
    let (mut cx, mut cy) = (x, y);
    for (class, label) in items {
        let width = 22.0 + label.chars().count() as f64 * 6.6 + 18.0;
        if cx + width > right && cx > x {
            cx = x;
            cy += 20.0;
        }
        rect(out, cx, cy - 10.0, 14.0, 12.0, class, "");
        text(out, cx + 20.0, cy, "legend", label);
        cx += width;
    }
    cy
}

// ---------------------------------------------------------------------------
// Bar charts

pub(crate) struct Bar {
    pub label: String,
    pub cell: Cell,
    /// CSS class of the bar's colour.
    pub class: &'static str,
}

/// Horizontal bars, one per row, with the value at the end of each bar. A suppressed
/// cell is a hatched bar as long as the threshold, labelled `<threshold`: its value
/// is drawn nowhere.
pub(crate) fn bar_chart(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    const WIDTH: f64 = 600.0;
    const LABEL: f64 = 176.0;
    const RIGHT: f64 = 52.0;
    const ROW: f64 = 28.0;
    const BAR: f64 = 18.0;
    const TOP: f64 = 8.0;
    const AXIS: f64 = 28.0;
    let mut out = String::new();
    if bars.is_empty() {
        open(&mut out, id, "chart", WIDTH, 40.0, title, desc);
        text(&mut out, LABEL, 24.0, "empty", "No records.");
        out.push_str("</svg>");
        return out;
    }
    let height = TOP + ROW * bars.len() as f64 + AXIS;
    open(&mut out, id, "chart", WIDTH, height, title, desc);
    hatch(&mut out, id);
    let max = bars
        .iter()
        .map(|bar| match bar.cell {
            Cell::Count(count) => count,
            Cell::Suppressed { threshold } => threshold,
        })
        .max()
        .unwrap_or(0);
    let step = nice_step(max);
    let axis_max = max.div_ceil(step).max(1) * step;
    let plot = WIDTH - LABEL - RIGHT;
    let x_of = |value: u64| LABEL + value as f64 / axis_max as f64 * plot;
    let bottom = TOP + ROW * bars.len() as f64;
    let mut tick = 0;
    while tick <= axis_max {
        let x = x_of(tick);
        line(&mut out, x, TOP - 2.0, x, bottom + 2.0, "grid");
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\">{tick}</text>",
            n(x),
            n(bottom + 18.0)
        );
        tick += step;
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let label = truncate(&bar.label, 28);
        text(&mut out, LABEL - 10.0, y + ROW / 2.0 + 4.5, "label", &label);
        let by = y + (ROW - BAR) / 2.0;
        match bar.cell {
            Cell::Count(count) => {
                let w = if count == 0 {
                    0.0
                } else {
                    (x_of(count) - LABEL).max(2.0)
                };
                let tip = format!("{}: {count}", bar.label);
                rect(
                    &mut out,
                    LABEL,
                    by,
                    w,
                    BAR,
                    &format!("bar {}", bar.class),
                    &tip,
                );
                text(
                    &mut out,
                    LABEL + w + 6.0,
                    y + ROW / 2.0 + 4.5,
                    "value",
                    &count.to_string(),
                );
            }
            Cell::Suppressed { threshold } => {
                let w = x_of(threshold) - LABEL;
                let shown = format!("<{threshold}");
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"suppressed\" \
                     fill=\"url(#{id}-hatch)\"><title>{}: {} (a small count, suppressed)</title></rect>",
                    n(LABEL),
                    n(by),
                    n(w),
                    n(BAR),
                    esc(&bar.label),
                    esc(&shown),
                );
                text(
                    &mut out,
                    LABEL + w + 6.0,
                    y + ROW / 2.0 + 4.5,
                    "value",
                    &shown,
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

pub(crate) struct Segment {
    pub value: u64,
    pub class: &'static str,
    pub name: &'static str,
}

pub(crate) struct Stack {
    pub label: String,
    pub segments: Vec<Segment>,
}

/// Horizontal stacked bars with a legend (for counts of sites, never suppressed).
pub(crate) fn stacked_chart(
    id: &str,
    title: &str,
    desc: &str,
    legend_items: &[(&str, String)],
    rows: &[Stack],
) -> String {
    const WIDTH: f64 = 600.0;
    const LABEL: f64 = 150.0;
    const RIGHT: f64 = 52.0;
    const ROW: f64 = 28.0;
    const BAR: f64 = 18.0;
    const AXIS: f64 = 28.0;
    let mut out = String::new();
    let mut legend_svg = String::new();
    let legend_bottom = legend(&mut legend_svg, legend_items, LABEL, 16.0, WIDTH - 10.0);
    let top = legend_bottom + 14.0;
    let height = top + ROW * rows.len() as f64 + AXIS;
    open(&mut out, id, "chart", WIDTH, height, title, desc);
    out.push_str(&legend_svg);
    let total = |row: &Stack| row.segments.iter().map(|s| s.value).sum::<u64>();
    let max = rows.iter().map(total).max().unwrap_or(0);
    let step = nice_step(max);
    let axis_max = max.div_ceil(step).max(1) * step;
    let plot = WIDTH - LABEL - RIGHT;
    let x_of = |value: u64| LABEL + value as f64 / axis_max as f64 * plot;
    let bottom = top + ROW * rows.len() as f64;
    let mut tick = 0;
    while tick <= axis_max {
        let x = x_of(tick);
        line(&mut out, x, top - 2.0, x, bottom + 2.0, "grid");
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\">{tick}</text>",
            n(x),
            n(bottom + 18.0)
        );
        tick += step;
    }
    for (i, row) in rows.iter().enumerate() {
        let y = top + ROW * i as f64;
        text(
            &mut out,
            LABEL - 10.0,
            y + ROW / 2.0 + 4.5,
            "label",
            &row.label,
        );
        let mut sum = 0;
        for segment in &row.segments {
            if segment.value == 0 {
                continue;
            }
            let x0 = x_of(sum);
            sum += segment.value;
            let tip = format!("{}, {}: {}", row.label, segment.name, segment.value);
            rect(
                &mut out,
                x0,
                y + (ROW - BAR) / 2.0,
                x_of(sum) - x0,
                BAR,
                &format!("bar seg {}", segment.class),
                &tip,
            );
        }
        text(
            &mut out,
            x_of(sum) + 6.0,
            y + ROW / 2.0 + 4.5,
            "value",
            &sum.to_string(),
        );
    }
    out.push_str("</svg>");
    out
}

// ---------------------------------------------------------------------------
// Raids against observed operation

fn jan1(year: i64) -> i64 {
    let year = u16::try_from(year.clamp(1, 9999)).unwrap_or(1);
    PartialDate {
        year,
        month: None,
        day: None,
    }
    .start()
}

fn month_start(year: i64, month: u8) -> i64 {
    let year = u16::try_from(year.clamp(1, 9999)).unwrap_or(1);
    PartialDate {
        year,
        month: Some(month),
        day: None,
    }
    .start()
}

/// One row per site with a raid or rescue: its raids and rescues as dark bands,
/// its status observations as coloured bars, every date drawn over the whole
/// interval it names (so a month-dated observation in the month of a raid visibly
/// overlaps it: the order is unknown), and the outcome at the right.
pub(crate) fn timeline_chart(
    id: &str,
    title: &str,
    desc: &str,
    rows: &[SiteRow<'_, '_>],
) -> String {
    const WIDTH: f64 = 960.0;
    const LABEL: f64 = 236.0;
    const OUTCOME: f64 = 168.0;
    const ROW: f64 = 26.0;
    const MIN_W: f64 = 3.0;
    let mut out = String::new();
    let dates = rows.iter().flat_map(|row| {
        row.raids
            .iter()
            .map(|r| r.date)
            .chain(row.observations.iter().map(|o| o.date))
    });
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    let (mut first_year, mut last_year) = (i64::MAX, i64::MIN);
    for date in dates {
        first = first.min(date.start());
        last = last.max(date.end() + 1);
        first_year = first_year.min(i64::from(date.year));
        last_year = last_year.max(i64::from(date.year));
    }
    if rows.is_empty() || first > last {
        open(&mut out, id, "chart wide", WIDTH, 40.0, title, desc);
        text(
            &mut out,
            LABEL,
            24.0,
            "empty",
            "No site has a raid or rescue.",
        );
        out.push_str("</svg>");
        return out;
    }
    let (d0, d1) = (jan1(first_year), jan1(last_year + 1));
    let (d0, d1) = (d0.min(first), d1.max(last));

    let legend_items: Vec<(&str, String)> = vec![
        ("raid", "Latest raid or rescue".to_owned()),
        ("raid earlier", "Earlier raid or rescue".to_owned()),
        ("obs st-operating", "Observed operating".to_owned()),
        ("obs st-closed", "Closed".to_owned()),
        ("obs st-under_construction", "Under construction".to_owned()),
        ("obs st-relocated", "Relocated".to_owned()),
        (
            "obs st-operating before",
            "Before the latest raid (not used)".to_owned(),
        ),
        (
            "obs deciding st-plain",
            "Outlined: the outcome rests on it".to_owned(),
        ),
    ];
    let mut legend_svg = String::new();
    let legend_bottom = legend(&mut legend_svg, &legend_items, 12.0, 16.0, WIDTH - 12.0);
    let top = legend_bottom + 34.0;
    let height = top + ROW * rows.len() as f64 + 30.0;
    open(&mut out, id, "chart wide", WIDTH, height, title, desc);
    out.push_str(&legend_svg);

    let plot = WIDTH - LABEL - OUTCOME - 10.0;
    let x_of = |day: i64| LABEL + (day - d0) as f64 / (d1 - d0).max(1) as f64 * plot;
    let bottom = top + ROW * rows.len() as f64;

    // Zebra rows first, under the grid.
    for i in (1..rows.len()).step_by(2) {
        rect(
            &mut out,
            4.0,
            top + ROW * i as f64,
            WIDTH - 8.0,
            ROW,
            "zebra",
            "",
        );
    }
    let years = last_year + 1 - first_year;
    for year in first_year..=last_year + 1 {
        let x = x_of(jan1(year));
        line(&mut out, x, top - 4.0, x, bottom + 4.0, "grid");
        if year <= last_year {
            let mid = (x + x_of(jan1(year + 1))) / 2.0;
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" class=\"tick\">{year}</text>\
                 <text x=\"{}\" y=\"{}\" class=\"tick\">{year}</text>",
                n(mid),
                n(top - 10.0),
                n(mid),
                n(bottom + 20.0)
            );
            if years <= 4 {
                for month in [4, 7, 10] {
                    let x = x_of(month_start(year, month));
                    line(&mut out, x, top, x, bottom, "grid minor");
                }
            }
        }
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" class=\"colhead\">Outcome</text>",
        n(WIDTH - OUTCOME + 2.0),
        n(top - 10.0)
    );

    let span = |date: PartialDate| {
        let (x0, x1) = (x_of(date.start()), x_of(date.end() + 1));
        if x1 - x0 >= MIN_W {
            (x0, x1 - x0)
        } else {
            ((x0 + x1 - MIN_W) / 2.0, MIN_W)
        }
    };
    for (i, row) in rows.iter().enumerate() {
        let y = top + ROW * i as f64;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"label\">{}<title>{} ({})</title></text>",
            n(LABEL - 8.0),
            n(y + ROW / 2.0 + 4.5),
            esc(&truncate(&row.name, 34)),
            esc(&row.name),
            esc(row.site),
        );
        for raid in &row.raids {
            let (x, w) = span(raid.date);
            let class = if raid.latest { "raid" } else { "raid earlier" };
            let tip = format!(
                "{} {}, {}{}",
                intervention_label(raid.kind),
                raid.id,
                raid.date,
                if raid.latest {
                    " (latest raid or rescue)"
                } else {
                    ""
                }
            );
            rect(&mut out, x, y + 3.0, w, ROW - 6.0, class, &tip);
        }
        for obs in &row.observations {
            let (x, w) = span(obs.date);
            let mut class = format!("obs st-{}", obs.status.as_str());
            let relation = match obs.relation {
                Relation::Before => {
                    class.push_str(" before");
                    "before the latest raid or rescue: not used"
                }
                Relation::Overlaps => "overlaps the latest raid or rescue: order unknown",
                Relation::After => "after the latest raid or rescue",
            };
            if obs.deciding {
                class.push_str(" deciding");
            }
            let tip = format!(
                "observation {}, {}: {} ({relation})",
                obs.id,
                obs.date,
                status_label(obs.status.as_str()).to_lowercase()
            );
            rect(&mut out, x, y + ROW / 2.0 - 5.0, w, 10.0, &class, &tip);
        }
        let key = row.outcome.outcome.as_str();
        let ox = WIDTH - OUTCOME + 2.0;
        rect(
            &mut out,
            ox,
            y + ROW / 2.0 - 6.0,
            12.0,
            12.0,
            &format!("oc oc-{key}"),
            "",
        );
        text(
            &mut out,
            ox + 18.0,
            y + ROW / 2.0 + 4.5,
            "outcome",
            outcome_label(row.outcome.outcome),
        );
    }
    out.push_str("</svg>");
    out
}

// ---------------------------------------------------------------------------
// Map

/// `103°E`, `10.5°N`.
fn degrees(value: f64, step: f64, positive: char, negative: char) -> String {
    let decimals = if step >= 1.0 {
        0
    } else if step >= 0.1 {
        if (step * 10.0).fract().abs() < 1e-9 {
            1
        } else {
            2
        }
    } else {
        2
    };
    let hemisphere = if value < 0.0 { negative } else { positive };
    let text = format!("{:.*}", decimals, value.abs());
    format!("{text}°{hemisphere}")
}

/// The sites on an equirectangular projection (longitude scaled by the cosine of
/// the middle latitude), with a graticule, a scale bar, province labels, colour by
/// latest status and shape by category.
/// How markers link out: not at all in a report (a file read offline), or to each
/// site's page in the web application, with the site's name as the tooltip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapLinks {
    None,
    SitePages,
}

pub(crate) fn map_chart(id: &str, title: &str, desc: &str, data: &MapData<'_>) -> String {
    map_chart_with(id, title, desc, data, MapLinks::None)
}

pub(crate) fn map_chart_with(
    id: &str,
    title: &str,
    desc: &str,
    data: &MapData<'_>,
    links: MapLinks,
) -> String {
    const WIDTH: f64 = 960.0;
    const LEFT: f64 = 58.0;
    const TOP: f64 = 16.0;
    const LEGEND: f64 = 230.0;
    const BOTTOM: f64 = 30.0;
    const MAX_PLOT_H: f64 = 620.0;
    let mut out = String::new();
    if data.points.is_empty() {
        open(&mut out, id, "chart wide", WIDTH, 40.0, title, desc);
        text(
            &mut out,
            LEFT,
            24.0,
            "empty",
            "No site has coordinates to draw.",
        );
        out.push_str("</svg>");
        return out;
    }
    let (mut lat_lo, mut lat_hi) = (f64::MAX, f64::MIN);
    let (mut lon_lo, mut lon_hi) = (f64::MAX, f64::MIN);
    for p in &data.points {
        lat_lo = lat_lo.min(p.lat);
        lat_hi = lat_hi.max(p.lat);
        lon_lo = lon_lo.min(p.lon);
        lon_hi = lon_hi.max(p.lon);
    }
    let span = (lat_hi - lat_lo).max(lon_hi - lon_lo);
    let pad = (span * 0.08).max(0.15);
    let step = [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0]
        .into_iter()
        .find(|step| (span + 2.0 * pad) / step <= 8.0)
        .unwrap_or(30.0);
    let snap_down = |v: f64| (v / step).floor() * step;
    let snap_up = |v: f64| (v / step).ceil() * step;
    let lat0 = snap_down(lat_lo - pad).max(-90.0);
    let lat1 = snap_up(lat_hi + pad).min(90.0);
    let lon0 = snap_down(lon_lo - pad).max(-180.0);
    let lon1 = snap_up(lon_hi + pad).min(180.0);
    let k = ((lat0 + lat1) / 2.0).to_radians().cos().max(0.05);
    let plot_w_max = WIDTH - LEFT - LEGEND - 12.0;
    let scale = (plot_w_max / ((lon1 - lon0) * k)).min(MAX_PLOT_H / (lat1 - lat0));
    let plot_w = (lon1 - lon0) * k * scale;
    let plot_h = (lat1 - lat0) * scale;
    let height = TOP + plot_h + BOTTOM;
    let x_of = |lon: f64| LEFT + (lon - lon0) * k * scale;
    let y_of = |lat: f64| TOP + (lat1 - lat) * scale;

    open(
        &mut out,
        id,
        "chart wide map",
        WIDTH,
        height.max(260.0),
        title,
        desc,
    );
    rect(&mut out, LEFT, TOP, plot_w, plot_h, "sea", "");
    // Graticule.
    let lines = |lo: f64, hi: f64| {
        let count = ((hi - lo) / step).round() as i64;
        (0..=count).map(move |i| lo + step * i as f64)
    };
    for lat in lines(lat0, lat1) {
        let y = y_of(lat);
        line(&mut out, LEFT, y, LEFT + plot_w, y, "graticule");
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick lat\">{}</text>",
            n(LEFT - 6.0),
            n(y + 4.0),
            degrees(lat, step, 'N', 'S')
        );
    }
    for lon in lines(lon0, lon1) {
        let x = x_of(lon);
        line(&mut out, x, TOP, x, TOP + plot_h, "graticule");
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\">{}</text>",
            n(x),
            n(TOP + plot_h + 18.0),
            degrees(lon, step, 'E', 'W')
        );
    }
    rect(&mut out, LEFT, TOP, plot_w, plot_h, "frame", "");

    // Province labels, at the mean position of their sites; the largest first.
    let mut places: BTreeMap<&str, (f64, f64, usize)> = BTreeMap::new();
    for p in &data.points {
        if let Some(place) = p.place.as_deref() {
            let entry = places.entry(place).or_insert((0.0, 0.0, 0));
            entry.0 += p.lat;
            entry.1 += p.lon;
            entry.2 += 1;
        }
    }
    let mut places: Vec<(&str, f64, f64, usize)> = places
        .into_iter()
        .map(|(name, (lat, lon, count))| (name, lat / count as f64, lon / count as f64, count))
        .collect();
    places.sort_by_key(|place| std::cmp::Reverse(place.3));
    places.truncate(14);

    // Points: scam compounds as circles, suspected sites as diamonds.
    for p in &data.points {
        let (x, y) = (x_of(p.lon), y_of(p.lat));
        let class = format!("pt st-{}", p.status);
        if links == MapLinks::SitePages {
            let _ = write!(out, "<a href=\"/sites/{}\">", esc(p.site));
        }
        let tip = if links == MapLinks::SitePages {
            p.name.clone()
        } else {
            format!(
                "{} ({}): {}, latest status {}{}; {}, {}",
                p.name,
                p.site,
                super::category_label(p.category).to_lowercase(),
                status_label(p.status).to_lowercase(),
                p.place
                    .as_deref()
                    .map(|place| format!(", {place}"))
                    .unwrap_or_default(),
                degrees(p.lat, 0.01, 'N', 'S'),
                degrees(p.lon, 0.01, 'E', 'W'),
            )
        };
        match p.category {
            SiteCategory::ScamCompound => {
                let _ = write!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" class=\"{class}\"><title>{}</title></circle>",
                    n(x),
                    n(y),
                    esc(&tip)
                );
            }
            SiteCategory::SuspectedSite => {
                let _ = write!(
                    out,
                    "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" class=\"{class}\"><title>{}</title></path>",
                    n(x),
                    n(y - 6.5),
                    n(x + 6.5),
                    n(y),
                    n(x),
                    n(y + 6.5),
                    n(x - 6.5),
                    n(y),
                    esc(&tip)
                );
            }
        }
        if links == MapLinks::SitePages {
            out.push_str("</a>");
        }
    }
    // Greedy placement, largest first: the first of four positions around the
    // anchor that stays in the frame and clear of the labels already placed; a
    // label with no free position is left out (the province table lists all).
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let overlaps = |a: &(f64, f64, f64, f64), b: &(f64, f64, f64, f64)| {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    };
    for (name, lat, lon, count) in &places {
        let label = format!("{} ({count})", truncate(name, 24));
        let width = label.chars().count() as f64 * 6.9;
        let (ax, ay) = (x_of(*lon), y_of(*lat));
        let candidates = [
            (ax + 9.0, ay - 9.0, false),
            (ax + 9.0, ay + 18.0, false),
            (ax - 9.0, ay - 9.0, true),
            (ax - 9.0, ay + 18.0, true),
        ];
        let position = candidates.into_iter().find_map(|(x, y, left)| {
            let x0 = if left { x - width } else { x };
            let bbox = (x0 - 2.0, y - 12.0, x0 + width + 2.0, y + 3.0);
            let inside = bbox.0 >= LEFT
                && bbox.2 <= LEFT + plot_w
                && bbox.1 >= TOP
                && bbox.3 <= TOP + plot_h;
            (inside && !placed.iter().any(|p| overlaps(p, &bbox))).then_some((x, y, left, bbox))
        });
        if let Some((x, y, left, bbox)) = position {
            placed.push(bbox);
            let class = if left { "place end" } else { "place" };
            text(&mut out, x, y, class, &label);
        }
    }

    // Scale bar: 1 km is 1/111.32 of a degree of latitude.
    let px_per_km = scale / 111.32;
    if let Some(km) = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]
        .into_iter()
        .find(|km| km * px_per_km >= 60.0)
    {
        let (x, y) = (LEFT + 12.0, TOP + plot_h - 14.0);
        let w = km * px_per_km;
        rect(&mut out, x - 4.0, y - 16.0, w + 8.0, 24.0, "scale-bg", "");
        line(&mut out, x, y, x + w, y, "scale");
        line(&mut out, x, y - 4.0, x, y + 4.0, "scale");
        line(&mut out, x + w, y - 4.0, x + w, y + 4.0, "scale");
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\">{} km</text>",
            n(x + w / 2.0),
            n(y - 5.0),
            km
        );
    }

    // Legend: colour by latest status, shape by category, with counts of sites drawn.
    let lx = LEFT + plot_w + 22.0;
    let mut ly = TOP + 12.0;
    text(&mut out, lx, ly, "legend-head", "Latest status");
    for (status, label) in STATUSES {
        let count = data.points.iter().filter(|p| p.status == status).count();
        if count == 0 {
            continue;
        }
        ly += 20.0;
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" class=\"pt st-{status}\"/>",
            n(lx + 6.0),
            n(ly - 4.0)
        );
        text(
            &mut out,
            lx + 18.0,
            ly,
            "legend",
            &format!("{label} ({count})"),
        );
    }
    ly += 30.0;
    text(&mut out, lx, ly, "legend-head", "Category");
    for (category, label) in [
        (SiteCategory::ScamCompound, "Scam compound"),
        (SiteCategory::SuspectedSite, "Suspected site"),
    ] {
        let count = data
            .points
            .iter()
            .filter(|p| p.category == category)
            .count();
        ly += 20.0;
        let (x, y) = (lx + 6.0, ly - 4.0);
        match category {
            SiteCategory::ScamCompound => {
                let _ = write!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" class=\"pt shape\"/>",
                    n(x),
                    n(y)
                );
            }
            SiteCategory::SuspectedSite => {
                let _ = write!(
                    out,
                    "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" class=\"pt shape\"/>",
                    n(x),
                    n(y - 6.5),
                    n(x + 6.5),
                    n(y),
                    n(x),
                    n(y + 6.5),
                    n(x - 6.5),
                    n(y)
                );
            }
        }
        text(
            &mut out,
            lx + 18.0,
            ly,
            "legend",
            &format!("{label} ({count})"),
        );
    }
    ly += 30.0;
    for note in [
        "Schematic: positions from the",
        "records' coordinates; no base map.",
        "Equirectangular projection.",
    ] {
        text(&mut out, lx, ly, "legend small", note);
        ly += 16.0;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(n(3.0), "3");
        assert_eq!(n(3.25), "3.2");
        assert_eq!(n(-0.01), "0");
        assert_eq!(n(-1.5), "-1.5");
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(0), 1);
        assert_eq!(nice_step(4), 1);
        assert_eq!(nice_step(7), 2);
        assert_eq!(nice_step(30), 5);
        assert_eq!(nice_step(85), 20);
        assert_eq!(nice_step(1_000_000), 200_000);
    }

    #[test]
    fn degrees_read_like_a_map() {
        assert_eq!(degrees(103.0, 1.0, 'E', 'W'), "103°E");
        assert_eq!(degrees(10.5, 0.5, 'N', 'S'), "10.5°N");
        assert_eq!(degrees(-2.25, 0.25, 'N', 'S'), "2.25°S");
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
