//! A generator of synthetic news: events in a made-up world, each told by several articles
//! (a first report, independent reports with their own sources and early or vague figures,
//! derivative rewrites and commentaries), with background mentions of earlier events and a
//! few stale re-publications. Used by `sitrep bench link` and by property tests. Every text
//! and name is generated here; nothing comes from real data.
//!
//! The world's density is fixed (about [`EVENTS_PER_DAY`] events a day over [`COUNTRIES`]
//! countries, or as set by [`Generator::events_per_day`]), so a larger corpus spans a longer
//! time, as real news does.

use crate::testkit::{M, about, article};
use chrono::{Datelike, Duration, NaiveDate};
use sitrep_model::Amount;
use sitrep_model::article::Article;
use sitrep_model::mention::EventMention;
use sitrep_model::taxonomy::*;
use sitrep_relate::hash::mix64;

/// Countries of the world.
pub const COUNTRIES: usize = 12;
/// Regions per country.
pub const REGIONS: usize = 8;
/// Towns per region.
pub const TOWNS: usize = 25;
/// Events a day, all countries together.
pub const EVENTS_PER_DAY: f64 = 8.0;

/// A deterministic random source (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A source from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// Next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix64(self.0)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const SYL: &[&str] = &[
    "ka", "bo", "ti", "na", "ru", "se", "ma", "lo", "di", "ga", "fu", "ye", "zo", "ne", "ba", "to", "mi", "sa", "ko", "la", "du", "ri",
    "wa", "po",
];
const FIRST: &[&str] = &["Amina", "Issa", "Karim", "Fatou", "Moussa", "Salif", "Aicha", "Oumar", "Halima", "Yacouba", "Mariam", "Boubacar"];
const OUTLETS: &[&str] = &["Radio Horizon", "the Daily Courier", "Sahel Wire", "Voice of the Plains", "the Capital Gazette"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut w: String = (0..syllables).map(|_| *rng.pick(SYL)).collect();
    if let Some(f) = w.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    w
}

/// A town.
#[derive(Clone, Debug)]
pub struct Town {
    /// Name.
    pub name: String,
    /// Region.
    pub region: String,
    /// Country code.
    pub cc: String,
    /// Coordinates.
    pub at: (f64, f64),
}

/// The made-up world.
#[derive(Clone, Debug)]
pub struct World {
    /// Towns by country, region.
    pub towns: Vec<Vec<Vec<Town>>>,
    /// Capital of each country.
    pub capitals: Vec<String>,
}

impl World {
    /// A world from a seed.
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed ^ 0x5157_0123);
        let mut towns = Vec::new();
        let mut capitals = Vec::new();
        let mut used = std::collections::HashSet::new();
        let mut unique = |rng: &mut Rng, syl: usize| loop {
            let w = word(rng, syl + used.len() / 400);
            if used.insert(w.clone()) {
                break w;
            }
        };
        for c in 0..COUNTRIES {
            let cc = format!("X{}", (b'A' + c as u8) as char);
            let (clat, clon) = (5.0 + 2.5 * c as f64, -10.0 + 3.0 * c as f64);
            capitals.push(unique(&mut rng, 3));
            let mut regions = Vec::new();
            for r in 0..REGIONS {
                let region = format!("{}{}", unique(&mut rng, 2), ["ia", "ou", "ara", "en"][r % 4]);
                let (rlat, rlon) = (clat + (r / 4) as f64 * 1.0, clon + (r % 4) as f64 * 1.0);
                let ts = (0..TOWNS)
                    .map(|_| Town {
                        name: {
                            let n = 2 + rng.below(2) as usize;
                            unique(&mut rng, n)
                        },
                        region: region.clone(),
                        cc: cc.clone(),
                        at: (rlat + rng.below(1000) as f64 / 1000.0, rlon + rng.below(1000) as f64 / 1000.0),
                    })
                    .collect();
                regions.push(ts);
            }
            towns.push(regions);
        }
        World { towns, capitals }
    }
}

/// One real event of the synthetic world.
#[derive(Clone, Debug)]
pub struct TrueEvent {
    /// Index.
    pub id: usize,
    /// Country index.
    pub country: usize,
    /// The town.
    pub town: Town,
    /// The day.
    pub day: NaiveDate,
    /// Soldiers (or civilians) killed by violence.
    pub killed: u64,
    /// Killed in an accident on the way (0: none).
    pub accident: u64,
    /// Wounded.
    pub wounded: u64,
    /// Attackers killed.
    pub attackers: u64,
    /// Victims are civilians (else soldiers).
    pub civilians: bool,
    /// Commander quoted.
    pub person: String,
    /// Sub-type.
    pub sub: SubEventType,
    /// Motorcycles used.
    pub motorcycles: bool,
}

/// An article and its mentions, with the true event of each mention.
#[derive(Clone, Debug)]
pub struct SynthArticle {
    /// The article.
    pub article: Article,
    /// Its mentions, main first.
    pub mentions: Vec<EventMention>,
    /// The true event of each mention.
    pub truth: Vec<usize>,
}

/// Generates `n` articles in arrival order (roughly by time). Deterministic for a seed.
pub struct Generator {
    rng: Rng,
    world: World,
    start: NaiveDate,
    events: Vec<TrueEvent>,
    queue: Vec<SynthArticle>,
    emitted: usize,
    n: usize,
    day_index: i64,
    next_event: usize,
    events_per_day: u64,
}

impl Generator {
    /// A generator of `n` articles.
    pub fn new(n: usize, seed: u64) -> Self {
        Generator {
            rng: Rng::new(seed),
            world: World::new(seed),
            start: NaiveDate::from_ymd_opt(2015, 1, 1).expect("date"),
            events: Vec::new(),
            queue: Vec::new(),
            emitted: 0,
            n,
            day_index: 0,
            next_event: 0,
            events_per_day: EVENTS_PER_DAY as u64,
        }
    }

    /// About `n` events a day instead of [`EVENTS_PER_DAY`] (between half and one and a half
    /// times `n`): a denser world, where the same number of articles spans fewer days.
    pub fn events_per_day(mut self, n: u64) -> Self {
        self.events_per_day = n.max(1);
        self
    }

    fn new_event(&mut self, day: NaiveDate) -> TrueEvent {
        let rng = &mut self.rng;
        let country = rng.below(COUNTRIES as u64) as usize;
        let region = rng.below(REGIONS as u64) as usize;
        let town = self.world.towns[country][region][rng.below(TOWNS as u64) as usize].clone();
        let killed = match rng.below(10) {
            0..=3 => 1 + rng.below(4),
            4..=7 => 5 + rng.below(20),
            _ => 25 + rng.below(80),
        };
        let sub = *rng.pick(&[
            SubEventType::ArmedClash,
            SubEventType::ArmedClash,
            SubEventType::Attack,
            SubEventType::RemoteExplosive,
            SubEventType::AirDroneStrike,
        ]);
        self.next_event += 1;
        TrueEvent {
            id: self.next_event - 1,
            country,
            town,
            day,
            killed,
            accident: if rng.chance(0.15) { 1 + rng.below(6) } else { 0 },
            wounded: rng.below(30),
            attackers: if rng.chance(0.5) { 5 + rng.below(100) } else { 0 },
            civilians: sub == SubEventType::Attack,
            person: format!("{} {}", rng.pick(FIRST), word(rng, 3)),
            sub,
            motorcycles: rng.chance(0.4),
        }
    }

    /// Articles telling event `e`.
    fn articles_for(&mut self, e: &TrueEvent) {
        let reports = 1 + self.rng.below(4) as usize + usize::from(self.rng.chance(0.2)) * 3;
        let mut told = false;
        for k in 0..reports {
            let copy = k > 0 && self.rng.chance(0.25);
            let delay = if k == 0 { 1 } else { 1 + self.rng.below(3) as i64 };
            let mut published = e.day + Duration::days(delay);
            let undated = k > 0 && self.rng.chance(0.15);
            let stale = self.rng.chance(0.01);
            if stale {
                published += Duration::days(365);
            }
            let background = self.background(e);
            let id = format!("s{:07}", self.emitted + self.queue.len());
            let published = if undated { None } else { Some(published) };
            // The day as a reader resolves "on <weekday>" against the dateline (wrong on a
            // stale page).
            let read_day = published.map(|p| p - Duration::days(delay));
            let a = if copy && told {
                self.derivative(e, &id, published)
            } else {
                told = true;
                self.report(e, &id, k, published, read_day, background)
            };
            self.queue.push(a);
        }
    }

    /// An earlier event of the same country in the last 60 days, to mention in passing.
    fn background(&mut self, e: &TrueEvent) -> Option<TrueEvent> {
        if !self.rng.chance(0.3) {
            return None;
        }
        let lo = self.events.partition_point(|x| x.day < e.day - Duration::days(60));
        let cands: Vec<&TrueEvent> = self.events[lo..].iter().filter(|x| x.country == e.country && x.id != e.id && x.day < e.day).collect();
        if cands.is_empty() { None } else { Some(cands[self.rng.below(cands.len() as u64) as usize].clone()) }
    }

    fn victims(e: &TrueEvent) -> (&'static str, ActorKind) {
        if e.civilians { ("villagers", ActorKind::Civilians) } else { ("soldiers", ActorKind::StateForces) }
    }

    fn report(
        &mut self,
        e: &TrueEvent,
        id: &str,
        k: usize,
        published: Option<NaiveDate>,
        read_day: Option<NaiveDate>,
        bg: Option<TrueEvent>,
    ) -> SynthArticle {
        let (victims, party) = Self::victims(e);
        let outlet = *self.rng.pick(OUTLETS);
        let weekday = WEEKDAYS[e.day.weekday().num_days_from_monday() as usize];
        let capital = self.world.capitals[e.country].clone();
        let early = k > 0 && e.killed > 3 && self.rng.chance(0.3);
        let vague_attackers = k > 0 && self.rng.chance(0.4);
        let country_only = self.rng.chance(0.08);
        let place_phrase = if country_only { "in the east of the country".to_string() } else { format!("in {}", e.town.name) };
        let mut text = String::new();
        let verb = match e.sub {
            SubEventType::RemoteExplosive => "a roadside bomb struck a convoy",
            SubEventType::AirDroneStrike => "a drone strike hit a gathering",
            SubEventType::Attack => "gunmen raided a village",
            _ => "armed men attacked an army post",
        };
        let source = if k == 0 { format!("the governor of {} said", e.town.region) } else { format!("{} residents told {outlet}", 2 + k) };
        text.push_str(&format!("On {weekday}, {verb} {place_phrase}, killing {} {victims}, {source}. ", e.killed));
        if early {
            text.push_str(&format!("Earlier reports had put the toll at at least {} dead. ", e.killed - 2));
        }
        if e.accident > 0 {
            text.push_str(&format!("Another {} soldiers died in a road accident while rushing to the scene. ", e.accident));
        }
        if e.wounded > 0 {
            text.push_str(&format!("{} people were wounded and taken to the hospital in {}. ", e.wounded, e.town.region));
        }
        if e.motorcycles {
            text.push_str("The attackers came on motorcycles and fled north. ");
        }
        if e.attackers > 0 {
            if vague_attackers {
                text.push_str(&format!("About {} assailants were killed in the response, the army said. ", e.attackers));
            } else {
                text.push_str(&format!("Commander {} said {} attackers were killed. ", e.person, e.attackers));
            }
        }
        if k > 0 {
            text.push_str(&format!("{} lies {} kilometres from {capital}. ", e.town.name, 50 + self.rng.below(400)));
        }
        // When the background event happened, as the text puts it relative to publication.
        let when = bg.as_ref().map(|b| {
            let this_month = published.map(|p| (p.year(), p.month()));
            let prev = published.map(|p| {
                let l = p - Duration::days(p.day0() as i64 + 1);
                (l.year(), l.month())
            });
            if this_month == Some((b.day.year(), b.day.month())) {
                "Earlier this month"
            } else if prev == Some((b.day.year(), b.day.month())) {
                "Last month"
            } else {
                "Recently"
            }
        });
        if let (Some(b), Some(w)) = (&bg, when) {
            let (bv, _) = Self::victims(b);
            text.push_str(&format!("{w}, {} {bv} were killed in an attack on {}. ", b.killed, b.town.name));
        }
        text.push_str(&format!("The region of {} has seen repeated violence this year.", e.town.region));

        let title = format!("{} {victims} killed in {}", e.killed, e.town.name);
        let a = article(id, Some(&title), published, &text);
        let mut main = M::new(&text, SourceRole::Primary, e.sub, verb);
        if let Some(d) = read_day {
            main = main.date(&format!("On {weekday}"), d, d, DatePrecision::Day, true);
        }
        main = if country_only {
            main.place(&place_phrase, None, &e.town.cc, None, None, LocationPrecision::Country)
        } else {
            main.place(&e.town.name, Some(&e.town.name), &e.town.cc, Some(&e.town.region), Some(e.town.at), LocationPrecision::Exact)
        };
        main = main.toll(&format!("killing {} {victims}", e.killed), party, Outcome::Killed, Amount::exact(e.killed), Cause::Violence);
        if early {
            main = main
                .sentence("Earlier reports")
                .toll(&format!("at least {} dead", e.killed - 2), party, Outcome::Killed, Amount::at_least(e.killed - 2), Cause::Violence)
                .superseded();
        }
        if e.accident > 0 {
            main = main.sentence("road accident").toll(
                &format!("{} soldiers died in a road accident", e.accident),
                ActorKind::StateForces,
                Outcome::Killed,
                Amount::exact(e.accident),
                Cause::Accident,
            );
        }
        if e.wounded > 0 {
            main = main.toll(
                &format!("{} people were wounded", e.wounded),
                party,
                Outcome::Wounded,
                Amount::exact(e.wounded),
                Cause::Violence,
            );
        }
        if e.motorcycles {
            main = main.tactic("motorcycles", "motorcycles");
        }
        if e.attackers > 0 {
            main = if vague_attackers {
                main.sentence("assailants").toll(
                    &format!("About {} assailants were killed", e.attackers),
                    ActorKind::PoliticalMilitia,
                    Outcome::Killed,
                    about(e.attackers),
                    Cause::Violence,
                )
            } else {
                main.sentence("attackers were killed").toll(
                    &format!("{} attackers were killed", e.attackers),
                    ActorKind::PoliticalMilitia,
                    Outcome::Killed,
                    Amount::exact(e.attackers),
                    Cause::Violence,
                )
            };
        }
        let mut mentions = vec![main.done()];
        let mut truth = vec![e.id];
        if let Some(b) = bg {
            let (bv, bp) = Self::victims(&b);
            let phrase = format!("{} {bv} were killed in an attack on {}", b.killed, b.town.name);
            let mut m = M::new(&text, SourceRole::Background, b.sub, &phrase)
                .place(&b.town.name, Some(&b.town.name), &b.town.cc, Some(&b.town.region), Some(b.town.at), LocationPrecision::Exact)
                .toll(&format!("{} {bv} were killed", b.killed), bp, Outcome::Killed, Amount::exact(b.killed), Cause::Violence);
            match (published, when) {
                (Some(p), Some("Last month")) => {
                    let last = p - Duration::days(p.day0() as i64 + 1);
                    m = m.date("Last month", last.with_day(1).unwrap_or(last), last, DatePrecision::Month, true);
                }
                (Some(p), Some("Earlier this month")) => {
                    m = m.date("Earlier this month", p.with_day(1).unwrap_or(p), p, DatePrecision::Month, true);
                }
                _ => {}
            }
            mentions.push(m.done());
            truth.push(b.id);
        }
        SynthArticle { article: a, mentions, truth }
    }

    fn derivative(&mut self, e: &TrueEvent, id: &str, published: Option<NaiveDate>) -> SynthArticle {
        let (victims, party) = Self::victims(e);
        let commentary = self.rng.chance(0.4);
        let mut text = format!("In {}, {} {victims} lost their lives in the latest attack. ", e.town.name, e.killed);
        if e.accident > 0 {
            text.push_str(&format!("{} more soldiers died on the road. ", e.accident));
        }
        if e.attackers > 0 {
            text.push_str(&format!("Commander {} said {} attackers were killed. ", e.person, e.attackers));
        }
        if commentary {
            text.push_str("The authorities must change course. It is essential that villages are protected. ");
            text.push_str("Donors should fund mediation instead of more weapons. Failure to act will cost more lives. ");
        }
        let a = article(id, None, published, &text);
        let mut main = M::new(&text, SourceRole::Primary, e.sub, "latest attack")
            .place(&e.town.name, Some(&e.town.name), &e.town.cc, Some(&e.town.region), Some(e.town.at), LocationPrecision::Exact)
            .toll(&format!("{} {victims} lost their lives", e.killed), party, Outcome::Killed, Amount::exact(e.killed), Cause::Violence);
        if e.accident > 0 {
            main = main.sentence("more soldiers died").toll(
                &format!("{} more soldiers died", e.accident),
                ActorKind::StateForces,
                Outcome::Killed,
                Amount::exact(e.accident),
                Cause::Accident,
            );
        }
        SynthArticle { article: a, mentions: vec![main.done()], truth: vec![e.id] }
    }
}

impl Iterator for Generator {
    type Item = SynthArticle;

    fn next(&mut self) -> Option<SynthArticle> {
        while self.queue.is_empty() {
            if self.emitted >= self.n {
                return None;
            }
            // One day of events.
            let day = self.start + Duration::days(self.day_index);
            self.day_index += 1;
            let count = self.events_per_day / 2 + self.rng.below(self.events_per_day + 1);
            for _ in 0..count {
                let e = self.new_event(day);
                self.events.push(e.clone());
                self.articles_for(&e);
            }
            // Keep only the last 90 days of events (memory stays bounded).
            let keep_from = day - Duration::days(90);
            let cut = self.events.partition_point(|x| x.day < keep_from);
            self.events.drain(..cut);
            self.queue.reverse();
        }
        if self.emitted >= self.n {
            return None;
        }
        self.emitted += 1;
        self.queue.pop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_evidence_in_text() {
        let a: Vec<SynthArticle> = Generator::new(60, 7).collect();
        let b: Vec<SynthArticle> = Generator::new(60, 7).collect();
        assert_eq!(a.len(), 60);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.article.text, y.article.text);
            assert_eq!(x.mentions.len(), x.truth.len());
            for m in &x.mentions {
                for c in &m.casualties {
                    assert!(c.evidence.span.end <= x.article.original.len());
                }
            }
        }
        assert!(a.iter().any(|x| x.mentions.len() > 1), "some background mentions");
    }

    #[test]
    fn a_denser_world_spans_fewer_days() {
        // The 90th percentile of publication dates (a few stale pages are a year late).
        let last_day = |g: Generator| {
            let mut d: Vec<NaiveDate> = g.filter_map(|x| x.article.published).collect();
            d.sort();
            d[d.len() * 9 / 10]
        };
        let sparse = last_day(Generator::new(2000, 7));
        let dense = last_day(Generator::new(2000, 7).events_per_day(80));
        let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("date");
        assert!((dense - start).num_days() * 5 < (sparse - start).num_days(), "{dense} vs {sparse}");
    }
}
