//! `sitrep show EVENT_ID`: one event as a person reads it: what is known (type, date, place,
//! actors, casualties with low / best / high, fatalities, flags), its sources, then every claim
//! side by side, field by field: which source said what, whether that source is independent,
//! whether the value was superseded, who it is attributed to, and the quote. An id merged into
//! another event shows that event. `--json` prints the contract line instead.

use crate::Outcome;
use anyhow::Context;
use sitrep_model::contract::{ClaimOut, EventOut, SourceOut, TextPart};
use sitrep_store::Store;
use std::fmt::Write as _;
use std::io::Write;

/// Arguments of `sitrep show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The event id (a merged id shows the event it was merged into).
    id: String,
    #[command(flatten)]
    db: crate::common::DbArg,
    /// Print the event's contract line (JSON) instead.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let store = Store::open_existing(&args.db.db).with_context(|| format!("cannot open database {}", args.db.db.display()))?;
    let Some(id) = sitrep_store::links::resolve(store.conn(), &args.id)? else {
        anyhow::bail!("no event {} in {} (see `sitrep export events`)", args.id, args.db.db.display());
    };
    let e = sitrep_store::links::event(store.conn(), &id)?.with_context(|| format!("event {id} vanished while reading"))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        serde_json::to_writer(&mut out, &e)?;
        writeln!(out)?;
    } else {
        if id != args.id {
            writeln!(out, "{} was merged into {id}.\n", args.id)?;
        }
        out.write_all(render(&e).as_bytes())?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

fn or_dash(s: Option<&str>) -> &str {
    s.filter(|s| !s.is_empty()).unwrap_or("-")
}

fn range(low: u64, best: u64, high: Option<u64>, vague: bool) -> String {
    let hi = high.map_or("open".to_string(), |h| h.to_string());
    let core = if Some(low) == high && low == best { best.to_string() } else { format!("{best} (low {low}, high {hi})") };
    if vague { format!("{core}, vague") } else { core }
}

/// The event as text, for a terminal.
pub fn render(e: &EventOut) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Event {}", e.id);
    let merged = e.merged_from.as_deref().unwrap_or_default();
    if !merged.is_empty() {
        let _ = writeln!(s, "  merged from   {}", merged.join(", "));
    }
    let _ = writeln!(s, "  type          {} / {}", e.event_type, e.sub_event_type);
    let d = &e.date;
    let when = match (d.earliest, d.latest) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} .. {b}"),
        _ => "unknown".to_string(),
    };
    let mut when = format!("{when} ({})", d.precision);
    if let Some(x) = &d.expression {
        let _ = write!(when, " \"{x}\"");
    }
    if let Some(r) = &d.relative_to {
        let _ = write!(when, ", {} days from event {}", r.offset_days, r.event);
    }
    let _ = writeln!(s, "  date          {when}");
    let l = &e.location;
    let mut place: Vec<String> = [l.name.as_deref(), l.admin2.as_deref(), l.admin1.as_deref(), l.country_code.as_deref()]
        .into_iter()
        .flatten()
        .map(str::to_string)
        .collect();
    if place.is_empty() {
        place.push("unknown".into());
    }
    let mut where_ = place.join(", ");
    if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
        let _ = write!(where_, " ({lat:.3}, {lon:.3})");
    }
    if let Some(p) = l.precision {
        let _ = write!(where_, " [{p}]");
    }
    let _ = writeln!(s, "  place         {where_}");
    for (i, a) in e.actors.iter().enumerate() {
        let _ = writeln!(s, "  {:<13} {} ({}, {})", if i == 0 { "actors" } else { "" }, a.name, a.kind, a.role);
    }
    for (i, c) in e.casualties.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {:<13} [{i}] {} {}: {}{}",
            if i == 0 { "casualties" } else { "" },
            c.party,
            c.outcome,
            range(c.low, c.best, c.high, c.vague),
            if c.cause == sitrep_model::taxonomy::Cause::Accident { " (accident)" } else { "" }
        );
    }
    let _ = writeln!(s, "  fatalities    {} (ACLED's convention)", e.fatalities);
    if !e.tactics.is_empty() {
        let _ = writeln!(s, "  tactics       {}", e.tactics.join(", "));
    }
    let flags: Vec<String> = e.flags.iter().map(|f| f.to_string()).collect();
    let _ = writeln!(s, "  flags         {}", if flags.is_empty() { "none".to_string() } else { flags.join(", ") });

    let sources = e.sources.as_deref().unwrap_or_default();
    let _ = writeln!(s, "\nSources");
    let w = sources.iter().map(|x| x.article_id.chars().count()).max().unwrap_or(7).max(7);
    let _ = writeln!(s, "  #   {:<w$}  {:<10}  {:<11}  {:<10}  outlet / url", "article", "role", "independent", "published");
    for (i, x) in sources.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {:<3} {:<w$}  {:<10}  {:<11}  {:<10}  {}",
            i + 1,
            x.article_id,
            x.role,
            if x.independent { "yes" } else { "no (copy)" },
            x.published.map_or("-".to_string(), |d| d.to_string()),
            or_dash(x.outlet.as_deref().or(x.url.as_deref()))
        );
    }

    let claims = e.claims.as_deref().unwrap_or_default();
    let _ = writeln!(s, "\nClaims, side by side");
    let mut field = "";
    for c in claims {
        if c.field != field {
            field = &c.field;
            let _ = writeln!(s, "  {}{}", c.field, field_note(e, &c.field));
        }
        let src = source_label(sources, &c.article_id);
        let mut head = format!("    {src}  {}", claim_value(c));
        if c.superseded {
            head.push_str("  [superseded]");
        }
        if let Some(a) = &c.attributed_to {
            let _ = write!(head, "  according to {a}");
        }
        let _ = writeln!(s, "{head}");
        // a quote of the headline says so (its offsets are in the title, not the text)
        let quote = match c.within {
            Some(TextPart::Title) => format!("headline: \"{}\" (title {}-{})", c.quote.replace('\n', " "), c.start, c.end),
            None => format!("\"{}\" ({}-{})", c.quote.replace('\n', " "), c.start, c.end),
        };
        for line in wrap(&quote, 92) {
            let _ = writeln!(s, "        {line}");
        }
    }
    s
}

/// What a field of the event holds, after its name ("casualties[0]: state_forces killed").
fn field_note(e: &EventOut, field: &str) -> String {
    let idx = |prefix: &str| field.strip_prefix(prefix).and_then(|r| r.strip_suffix(']')).and_then(|n| n.parse::<usize>().ok());
    if let Some(c) = idx("casualties[").and_then(|i| e.casualties.get(i)) {
        return format!(
            ": {} {}{}",
            c.party,
            c.outcome,
            if c.cause == sitrep_model::taxonomy::Cause::Accident { " (accident)" } else { "" }
        );
    }
    if let Some(a) = idx("actors[").and_then(|i| e.actors.get(i)) {
        return format!(": {}", a.name);
    }
    if field == "casualties" || field == "actors" {
        return " (not retained for the event)".to_string();
    }
    String::new()
}

/// `[2] 004_article (independent)` / `(copy)`.
fn source_label(sources: &[SourceOut], article: &str) -> String {
    match sources.iter().position(|x| x.article_id == article) {
        Some(i) => format!("[{}] {} ({})", i + 1, article, if sources[i].independent { "independent" } else { "copy" }),
        None => article.to_string(),
    }
}

/// A claim's value in a few words.
fn claim_value(c: &ClaimOut) -> String {
    let v = &c.value;
    let num = |k: &str| v.get(k).and_then(|x| x.as_u64());
    let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let field = c.field.split('[').next().unwrap_or("");
    match field {
        "casualties" => {
            let amount = match (num("low"), num("best")) {
                (Some(l), Some(b)) => range(l, b, num("high"), v.get("vague").and_then(|x| x.as_bool()).unwrap_or(false)),
                _ => v.to_string(),
            };
            let cause = if text("cause").as_deref() == Some("accident") { " (accident)" } else { "" };
            format!("{} {} {amount}{cause}", text("party").unwrap_or_default(), text("outcome").unwrap_or_default())
        }
        "date" => {
            let (a, b) = (text("earliest"), text("latest"));
            let when = match (&a, &b) {
                (Some(a), Some(b)) if a == b => a.clone(),
                (Some(a), Some(b)) => format!("{a} .. {b}"),
                _ => "unresolved".to_string(),
            };
            format!("{when} ({})", text("precision").unwrap_or_default())
        }
        "location" => {
            let parts: Vec<String> = ["name", "admin1", "country_code"].iter().filter_map(|k| text(k)).collect();
            format!("{} [{}]", if parts.is_empty() { "?".to_string() } else { parts.join(", ") }, text("precision").unwrap_or_default())
        }
        "actors" => {
            format!("{} ({}, {})", text("name").unwrap_or_default(), text("kind").unwrap_or_default(), text("role").unwrap_or_default())
        }
        "event_type" => format!("{} / {}", text("event_type").unwrap_or_default(), text("sub_event_type").unwrap_or_default()),
        _ => match v.as_str() {
            Some(x) => x.to_string(),
            None => v.to_string(),
        },
    }
}

/// Greedy word wrap.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_naturally() {
        assert_eq!(range(12, 12, Some(12), false), "12");
        assert_eq!(range(10, 10, None, false), "10 (low 10, high open)");
        assert_eq!(range(90, 100, Some(110), true), "100 (low 90, high 110), vague");
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let t = "one two three four five six seven eight nine ten";
        let w = wrap(t, 12);
        assert!(w.iter().all(|l| l.chars().count() <= 12), "{w:?}");
        assert_eq!(w.join(" "), t);
    }
}
