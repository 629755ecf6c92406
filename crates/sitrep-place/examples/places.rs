//! Prints the place mentions of a text file (or standard input) and the event location of the
//! whole text: `cargo run --release -p sitrep-place --example places -- FILE [GEONAMES...]`.

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let t0 = std::time::Instant::now();
    let mut gaz = sitrep_place::Gazetteer::builtin();
    eprintln!("built-in gazetteer: {} entries in {:?}", gaz.len(), t0.elapsed());
    for p in args.iter().skip(1) {
        let t = std::time::Instant::now();
        match gaz.load_geonames(std::path::Path::new(p)) {
            Ok(n) => eprintln!("{p}: {n} rows in {:?}", t.elapsed()),
            Err(e) => eprintln!("{e}"),
        }
        for w in gaz.take_warnings() {
            eprintln!("{w}");
        }
    }
    let mut text = String::new();
    match args.first().map(String::as_str) {
        Some("-") | None => {
            std::io::stdin().read_to_string(&mut text).expect("stdin");
        }
        Some(f) => text = std::fs::read_to_string(f).expect("readable UTF-8 file"),
    }
    let places = sitrep_place::find_places(&gaz, &text);
    for p in &places {
        let r = p.place.as_ref();
        println!(
            "{:>6} {:<28} {:<9} {:<11} {:<10} -> {} {} [{}/{}] {:.3},{:.3}",
            p.span.start,
            &text[p.span.start..p.span.end],
            format!("{:?}", p.kind),
            format!("{:?}", p.matched),
            format!("{:?}", p.precision),
            r.map_or("-", |r| r.name.as_str()),
            r.map_or("", |r| r.country_code.as_str()),
            r.and_then(|r| r.admin1.as_deref()).unwrap_or(""),
            r.and_then(|r| r.admin2.as_deref()).unwrap_or(""),
            r.map_or(0.0, |r| r.lat),
            r.map_or(0.0, |r| r.lon),
        );
    }
    let whole = [sitrep_model::Span::new(0, text.len())];
    println!("event: {:?}", sitrep_place::event_location(&gaz, &text, &places, &whole));
}
