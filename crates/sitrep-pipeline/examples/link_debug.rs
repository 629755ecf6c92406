//! Development aid: why two articles' main mentions do or do not link. Reads `A B` pairs of
//! article ids (optionally `A#i B#j` for other mentions) on standard input and prints, for each,
//! what scoring sees of both mentions and the points of each signal.
//!
//! `cargo run --release -p sitrep-pipeline --example link_debug -- DB < pairs.txt`

use sitrep_reconcile::MentionKey;
use sitrep_reconcile::score::{View, explain};
use sitrep_store::Store;
use sitrep_store::links;
use std::io::BufRead;

fn key(s: &str) -> MentionKey {
    match s.split_once('#') {
        Some((a, i)) => MentionKey { article_id: a.to_string(), index: i.parse().unwrap_or(0) },
        None => MentionKey { article_id: s.to_string(), index: 0 },
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = std::env::args().nth(1).ok_or("usage: link_debug DB < pairs")?;
    let store = Store::open_existing(std::path::Path::new(&db))?;
    let conn = store.conn();
    let load =
        |k: &MentionKey| -> Result<Option<(sitrep_reconcile::MentionRecord, sitrep_reconcile::ArticleRecord)>, Box<dyn std::error::Error>> {
            let evs = links::mention_events(conn, std::slice::from_ref(&k.article_id))?;
            let Some(ev) = evs.get(k) else { return Ok(None) };
            let Some(state) = links::event_state(conn, ev)? else { return Ok(None) };
            let Some(m) = state.members.into_iter().find(|m| m.key == *k) else { return Ok(None) };
            let Some(a) = links::article_record(conn, &k.article_id)? else { return Ok(None) };
            Ok(Some((m, a)))
        };
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let mut it = line.split_whitespace();
        let (Some(x), Some(y)) = (it.next(), it.next()) else { continue };
        let (kx, ky) = (key(x), key(y));
        let (Some((mx, ax)), Some((my, ay))) = (load(&kx)?, load(&ky)?) else {
            println!("{x} {y}: a mention is missing");
            continue;
        };
        let (vx, vy) = (View::new(&mx, &ax), View::new(&my, &ay));
        println!("=== {kx} vs {ky}");
        for v in [&vx, &vy] {
            println!(
                "  {} {:?} date {:?} (raw {:?}, from_pub {}) place {:?} {:?} admin1 {:?} cc {:?} precise {} coords {:?}",
                v.rec.key,
                v.rec.sub_event_type,
                v.date,
                v.raw_date,
                v.rec.date.from_publication,
                v.place,
                v.rec.location.place.precision,
                v.admin1,
                v.country,
                v.precise,
                v.coords
            );
            let groups: Vec<String> = v
                .groups
                .iter()
                .map(|g| format!("{}/{}={}..{}..{:?}", g.class.as_str(), g.outcome.as_str(), g.total.low, g.total.best, g.total.high))
                .collect();
            println!("      tolls {groups:?} actors {:?} tactics {:?}", v.actors, v.tactics);
            println!("      names {:?}", v.rec.names);
            println!("      text {:?}", v.rec.text.chars().take(300).collect::<String>());
        }
        match explain(&vx, &vy, false) {
            Ok(parts) => println!("  score {:.1}: {:?}", parts.iter().map(|p| p.1).sum::<f64>(), parts),
            Err((c, parts)) => println!("  conflict: {c} after {parts:?}"),
        }
        // The two events: every cross pair.
        let ev = |k: &MentionKey| -> Result<Option<sitrep_reconcile::EventState>, Box<dyn std::error::Error>> {
            let evs = links::mention_events(conn, std::slice::from_ref(&k.article_id))?;
            Ok(match evs.get(k) {
                Some(id) => links::event_state(conn, id)?,
                None => None,
            })
        };
        if let (Some(ex), Some(ey)) = (ev(&kx)?, ev(&ky)?)
            && ex.id != ey.id
        {
            let (mut best, mut sum, mut n, mut conflicts) = (f64::MIN, 0.0, 0usize, Vec::new());
            for m in &ex.members {
                for o in &ey.members {
                    let (Some(am), Some(ao)) =
                        (links::article_record(conn, &m.key.article_id)?, links::article_record(conn, &o.key.article_id)?)
                    else {
                        continue;
                    };
                    let (vm, vo) = (View::new(m, &am), View::new(o, &ao));
                    match explain(&vm, &vo, false) {
                        Ok(parts) => {
                            let sc: f64 = parts.iter().map(|p| p.1).sum();
                            best = best.max(sc);
                            sum += sc;
                            n += 1;
                        }
                        Err((c, _)) => conflicts.push(format!("{}~{}: {c}", m.key, o.key)),
                    }
                }
            }
            println!(
                "  events {} ({} members) / {} ({} members): best {best:.1}, average {:.1} over {n}, conflicts {:?}",
                ex.id,
                ex.members.len(),
                ey.id,
                ey.members.len(),
                if n > 0 { sum / n as f64 } else { 0.0 },
                conflicts
            );
        }
    }
    Ok(())
}
