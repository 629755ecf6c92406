//! Line rules: what a line of web-page text is when it is not article text. Every rule is
//! about the kind of line (a label, a share widget, a cookie or newsletter notice, an image
//! file name, a credit, glyphs), never about one site.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::sync::LazyLock;

/// Why a line was removed (stable codes, counted in the article's diagnostics).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Removed {
    /// A page label alone on its line ("Advertisement", "Articles", "Print").
    Label,
    /// Share and follow widgets ("Share on Facebook", "Facebook | Twitter").
    Share,
    /// Captcha and script notices ("Please enable JavaScript", "verify you are human").
    Captcha,
    /// Cookie and consent notices.
    Cookie,
    /// Newsletter, account and paywall prompts.
    Account,
    /// Copyright and rights lines.
    Copyright,
    /// An image file name.
    Image,
    /// A credit line ("Source » example.com").
    Credit,
    /// A "Read more: ..." teaser for another article.
    Teaser,
    /// A list of video teasers ("2:40 Some video title").
    Playlist,
    /// Punctuation or glyphs only.
    Glyphs,
    /// A dateline.
    Dateline,
    /// The headline repeated.
    RepeatedTitle,
    /// A line recurring across many articles of the same source.
    Recurring,
}

impl Removed {
    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Removed::Label => "label",
            Removed::Share => "share",
            Removed::Captcha => "captcha",
            Removed::Cookie => "cookie",
            Removed::Account => "account",
            Removed::Copyright => "copyright",
            Removed::Image => "image",
            Removed::Credit => "credit",
            Removed::Teaser => "teaser",
            Removed::Playlist => "playlist",
            Removed::Glyphs => "glyphs",
            Removed::Dateline => "dateline",
            Removed::RepeatedTitle => "repeated_title",
            Removed::Recurring => "recurring",
        }
    }
}

/// Labels that are furniture when they make up a whole line (lowercased, without trailing
/// punctuation).
const LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "promoted",
    "article",
    "articles",
    "story",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "shares",
    "tweet",
    "print",
    "print this",
    "print article",
    "email",
    "e-mail",
    "email this",
    "comment",
    "comments",
    "leave a comment",
    "leave a reply",
    "close",
    "more",
    "more>>",
    "read more",
    "see more",
    "show more",
    "load more",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "recommended",
    "recommended for you",
    "trending",
    "trending now",
    "trending stories",
    "most read",
    "most popular",
    "top stories",
    "latest news",
    "latest",
    "watch",
    "watch this story",
    "watch video",
    "video",
    "videos",
    "photo",
    "photos",
    "gallery",
    "listen",
    "listen to this article",
    "subscribe",
    "subscribe now",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "register",
    "menu",
    "home",
    "search",
    "skip to content",
    "skip to main content",
    "back to top",
    "next article",
    "previous article",
    "next story",
    "previous story",
    "next",
    "previous",
    "loading",
    "loading...",
    "copy link",
    "copy link copy",
    "link copied",
    "embed",
    "hide transcript show transcript",
    "hide transcript",
    "show transcript",
    "hide caption",
    "show caption",
    "toggle caption",
    "text size",
    "a a",
    "aa",
    "expand",
    "collapse",
    "view comments",
    "view gallery",
    "click to expand",
    "enlarge this image",
    "image",
    "caption",
    "breaking news",
    "just one more thing",
    "learn more",
    "publicité",
    "partager",
    "lire aussi",
    "lire la suite",
    "à lire aussi",
];

/// Social networks and share words: a line made only of these is a share widget.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "on",
    "via",
    "to",
    "with",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "print",
    "pinterest",
    "linkedin",
    "reddit",
    "google",
    "google+",
    "telegram",
    "messenger",
    "instagram",
    "youtube",
    "tiktok",
    "snapchat",
    "flipboard",
    "tumblr",
    "sms",
    "copy",
    "link",
    "url",
    "this",
    "story",
    "article",
    "page",
    "post",
    "follow",
    "us",
    "like",
    "loading",
    "loading...",
    "comments",
    "comment",
    "more",
    "save",
    "bookmark",
    "pocket",
    "threads",
    "bluesky",
    "mastodon",
    "vk",
    "wechat",
    "line",
    "the",
    "and",
    "or",
    "partager",
    "sur",
    "suivez-nous",
    "nous",
];
/// Words of `SHARE_WORDS` that name a network or a share action (one must be present).
const SHARE_CORE: &[&str] = &[
    "google",
    "google+",
    "share",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "linkedin",
    "reddit",
    "telegram",
    "messenger",
    "instagram",
    "youtube",
    "tiktok",
    "snapchat",
    "flipboard",
    "tumblr",
    "bluesky",
    "mastodon",
    "wechat",
    "partager",
];

/// Phrases that make a short line furniture, with its kind. Matched ASCII case-insensitively
/// on lines of at most [`PHRASE_LINE_MAX`] bytes.
const PHRASES: &[(&str, Removed)] = &[
    // captcha, scripts, players
    ("enable javascript", Removed::Captcha),
    ("javascript is disabled", Removed::Captcha),
    ("javascript is required", Removed::Captcha),
    ("enable cookies", Removed::Captcha),
    ("verify you are human", Removed::Captcha),
    ("verify that you are human", Removed::Captcha),
    ("are you a robot", Removed::Captcha),
    ("not a robot", Removed::Captcha),
    ("captcha", Removed::Captcha),
    ("you must enter the characters", Removed::Captcha),
    ("characters with black color", Removed::Captcha),
    ("type the characters you see", Removed::Captcha),
    ("having trouble viewing the video", Removed::Captcha),
    ("ad blocking extension", Removed::Captcha),
    ("disable your ad blocker", Removed::Captcha),
    ("your browser does not support", Removed::Captcha),
    ("a friend wanted you to see this", Removed::Share),
    // cookies and consent
    ("use cookies", Removed::Cookie),
    ("uses cookies", Removed::Cookie),
    ("use of cookies", Removed::Cookie),
    ("cookie policy", Removed::Cookie),
    ("cookie settings", Removed::Cookie),
    ("cookie preferences", Removed::Cookie),
    ("accept cookies", Removed::Cookie),
    ("accept all cookies", Removed::Cookie),
    ("manage preferences", Removed::Cookie),
    ("manage consent", Removed::Cookie),
    ("we value your privacy", Removed::Cookie),
    ("nous utilisons des cookies", Removed::Cookie),
    // newsletters, accounts, paywalls
    ("our newsletter", Removed::Account),
    ("email newsletters", Removed::Account),
    ("newsletter sign", Removed::Account),
    ("sign up for one of our email", Removed::Account),
    ("delivered to your inbox", Removed::Account),
    ("straight to your inbox", Removed::Account),
    ("notification has been saved", Removed::Account),
    ("problem saving your notification", Removed::Account),
    ("email notifications", Removed::Account),
    ("get email notifications", Removed::Account),
    ("you'll get an email", Removed::Account),
    ("verification email", Removed::Account),
    ("verification message", Removed::Account),
    ("confirmation email", Removed::Account),
    ("spam or junk folder", Removed::Account),
    ("check your email and click", Removed::Account),
    ("verify your email", Removed::Account),
    ("thank you for registering", Removed::Account),
    ("thanks for signing up", Removed::Account),
    ("already a subscriber", Removed::Account),
    ("already have an account", Removed::Account),
    ("create an account", Removed::Account),
    ("create a free account", Removed::Account),
    ("set up your account", Removed::Account),
    ("log in if you already have", Removed::Account),
    ("sign in to continue", Removed::Account),
    ("sign in using", Removed::Account),
    ("please sign in", Removed::Account),
    ("please log in", Removed::Account),
    ("subscribe to continue", Removed::Account),
    ("subscribe to read", Removed::Account),
    ("subscribers only", Removed::Account),
    ("for subscribers", Removed::Account),
    ("start your free trial", Removed::Account),
    ("free trial", Removed::Account),
    ("digital access", Removed::Account),
    ("digital subscription", Removed::Account),
    ("premium clicks", Removed::Account),
    ("articles remaining", Removed::Account),
    ("free articles", Removed::Account),
    ("you have reached your", Removed::Account),
    ("deliverable area", Removed::Account),
    ("by submitting your registration", Removed::Account),
    ("terms of service and privacy policy", Removed::Account),
    ("terms of use and privacy policy", Removed::Account),
    ("you are the owner of this article", Removed::Account),
    ("we look forward to seeing you", Removed::Account),
    ("why are we asking this", Removed::Account),
    ("you haven't selected any newsletters", Removed::Account),
    ("newsletters", Removed::Account),
    ("daily newsletter", Removed::Account),
    ("newsletter and alerts", Removed::Account),
    ("email alerts", Removed::Account),
    ("e-mail alerts", Removed::Account),
    ("news alerts", Removed::Account),
    ("sms alerts", Removed::Account),
    ("mobile alerts", Removed::Account),
    ("full access subscriber", Removed::Account),
    ("online subscription", Removed::Account),
    ("subscribers get", Removed::Account),
    ("download our app", Removed::Account),
    ("download the app", Removed::Account),
    ("get our app", Removed::Account),
    ("iphone | ipad", Removed::Account),
    ("in your inbox", Removed::Account),
    ("to your inbox", Removed::Account),
    ("without a subscription", Removed::Account),
    ("maximum number of stories", Removed::Account),
    ("maximum number of free", Removed::Account),
    ("return to the page you were visiting", Removed::Account),
    ("home delivery", Removed::Account),
    ("delivery options", Removed::Account),
    ("send us your news tips", Removed::Account),
    ("submit a tip", Removed::Account),
    ("connectez-vous", Removed::Account),
    ("créer un compte", Removed::Account),
    ("inicia sesión", Removed::Account),
    ("crea una cuenta", Removed::Account),
    ("tweet with a location", Removed::Share),
    ("add a location to your tweets", Removed::Share),
    ("click to share", Removed::Share),
    ("share this article", Removed::Share),
    ("share this story", Removed::Share),
    ("share on facebook", Removed::Share),
    ("share on twitter", Removed::Share),
    ("share via email", Removed::Share),
    ("follow us on", Removed::Share),
    ("like this: like", Removed::Share),
    // rights
    ("all rights reserved", Removed::Copyright),
    ("may not be published, broadcast, rewritten", Removed::Copyright),
    ("may not be reproduced", Removed::Copyright),
    ("used under license", Removed::Copyright),
    ("tous droits réservés", Removed::Copyright),
];

/// Phrases of consent walls and robot checks that never occur in news prose: they make a line
/// furniture at any length.
const STRONG_PHRASES: &[(&str, Removed)] = &[
    ("store and/or access information on a device", Removed::Cookie),
    ("personalised ads and content", Removed::Cookie),
    ("personalized ads and content", Removed::Cookie),
    ("ad and content measurement", Removed::Cookie),
    ("consent to our use of cookies", Removed::Cookie),
    ("please verify you are a human", Removed::Captcha),
    ("you must enable javascript", Removed::Captcha),
];

static STRONG_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new().ascii_case_insensitive(true).build(STRONG_PHRASES.iter().map(|(p, _)| *p)).expect("phrases build")
});

/// Longest line the phrase rules judge: a longer line is prose that happens to mention a
/// cookie or a newsletter.
pub const PHRASE_LINE_MAX: usize = 300;

static PHRASE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(PHRASES.iter().map(|(p, _)| p.replace('\'', "\u{2019}")).chain(PHRASES.iter().map(|(p, _)| p.to_string())))
        .expect("phrases build")
});

static CTA_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:or\s+)?(?:sign up|sign-up|subscribe|register now|log ?in now|click here to (?:subscribe|sign|register|log)|get unlimited (?:digital )?access|abonnez-vous|inscrivez-vous)\b").unwrap()
});

/// The kind of furniture `line` (trimmed) is, by its words alone.
pub fn furniture(line: &str) -> Option<Removed> {
    if let Some(m) = STRONG_AC.find(line) {
        return Some(STRONG_PHRASES[m.pattern().as_usize()].1);
    }
    // Long lines are prose: only the share-widget test could apply, and it cannot hold for
    // more than a few dozen words.
    if line.len() > 4 * PHRASE_LINE_MAX {
        return None;
    }
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', '!', '>', '»', '|', '…', ' ']).trim_start_matches(['|', '»', '›', ' ']);
    if LABELS.contains(&bare) {
        return Some(Removed::Label);
    }
    if is_share_widget(&lower) {
        return Some(Removed::Share);
    }
    if line.len() <= PHRASE_LINE_MAX {
        if let Some(m) = PHRASE_AC.find(line) {
            return Some(PHRASES[m.pattern().as_usize() % PHRASES.len()].1);
        }
        if line.split_whitespace().count() <= 30 && CTA_RE.is_match(line) {
            return Some(Removed::Account);
        }
        if line.contains("{*") && line.contains("*}") {
            return Some(Removed::Account);
        }
        let t = lower.trim_start_matches(['(', '[', ' ']);
        if t.starts_with('©') || t.starts_with("copyright ") || t.starts_with("copyright©") || t.starts_with("(c) ") && t.len() < 120 {
            return Some(Removed::Copyright);
        }
    }
    None
}

/// A line made of share and network words only (with separators), naming at least one
/// network or share action; one other token is allowed ("Follow EXAMPLE.COM: Facebook | X").
fn is_share_widget(lower: &str) -> bool {
    let mut core = false;
    let mut other = 0;
    let mut words = 0;
    for tok in lower.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '•' | '·' | ',' | ':' | '(' | ')' | '[' | ']')) {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '-' && c != '.');
        let t = t.trim_end_matches('.');
        if t.is_empty() {
            continue;
        }
        words += 1;
        if SHARE_CORE.contains(&t) {
            core = true;
        } else if !SHARE_WORDS.contains(&t) && !t.chars().all(|c| c.is_ascii_digit()) {
            other += 1;
            if other > 1 {
                return false;
            }
        }
    }
    core && other <= 1 && words >= 1 && (other == 0 || words >= 3)
}

static IMAGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:image|photo|picture|file|img)\s*:\s*)?[\[(]?[\w\-.%~+]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|avif|heic)(?:\?\S*)?[\])]?$")
        .unwrap()
});

/// True for a line holding only an image file name ("t3tlCUDNr.png", "Image: x.jpg").
pub fn is_image_name(line: &str) -> bool {
    line.len() <= 300 && IMAGE_RE.is_match(line)
}

static CREDIT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|sources|via|credit|credits|photo credit|photo|image credit|image source|image|originally published (?:at|on|by)|this (?:article|story) (?:first |originally )?appeared (?:on|in)|with reporting by|reporting by)\s*(?:»|›|>>|>|\||:|-|–|—)\s*(.+)$").unwrap()
});

/// For a credit line ("Source » example.com", "Via: Example Wire"), the credited source.
/// A headline that happens to start with "Source:" (more than six words) is not a credit.
pub fn credit(line: &str) -> Option<&str> {
    if line.len() > 300 {
        return None;
    }
    let c = CREDIT_RE.captures(line)?;
    let who = c.get(1)?.as_str().trim();
    let words = who.split_whitespace().count();
    (words <= 6 && !who.ends_with(['.', '?', '!']) || who.ends_with(".com") && words == 1).then_some(who)
}

static TEASER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read more|read also|also read|see also|related|related story|related article|more|watch|lire aussi|à lire aussi|voir aussi)\s*(?::|»|›|>>|-|–|—)\s*\S").unwrap()
});

/// True for a "Read more: OTHER HEADLINE" teaser.
pub fn is_teaser(line: &str) -> bool {
    line.len() <= 600 && TEASER_RE.is_match(line) && line.split_whitespace().count() <= 30
}

static DURATION_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}\s+\S").unwrap());

/// True for a line starting with a video duration ("2:40 Some title").
pub fn is_duration_teaser(line: &str) -> bool {
    DURATION_RE.is_match(line) && !line.contains(" a.m") && !line.contains(" p.m")
}

/// True when the line has no letter or digit.
pub fn is_glyphs_only(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric)
}

/// Glyphs that open list items, close buttons and menu icons.
pub const BULLETS: &[char] = &[
    '•', '·', '▪', '▫', '►', '▸', '▶', '◦', '‣', '⁃', '●', '○', '■', '□', '◆', '◇', '★', '☆', '✓', '✔', '×', '✕', '✖', '☰', '»', '›', '→',
];

/// Bytes of list-item glyphs (and the spaces after them) at the start of `line`: `•`, `▪`,
/// `×`... and `-`, `*`, `–`, `—` when a space follows.
pub fn leading_glyphs(line: &str) -> usize {
    let mut pos = 0;
    loop {
        let rest = &line[pos..];
        let Some(c) = rest.chars().next() else { return pos };
        let after = rest[c.len_utf8()..].chars().next();
        let glyph = BULLETS.contains(&c) || matches!(c, '-' | '*' | '–' | '—') && after.is_some_and(char::is_whitespace);
        if !glyph {
            return pos;
        }
        pos += c.len_utf8();
        pos += line[pos..].len() - line[pos..].trim_start().len();
    }
}

/// Inline bullets: positions of ` • ` style separators inside a line (glyph with spaces on
/// both sides), as `(start, end)` byte ranges covering the glyph and its spaces.
pub fn inline_bullets(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in line.char_indices() {
        if !matches!(c, '•' | '▪' | '●' | '■' | '►' | '▸') || i == 0 {
            continue;
        }
        let before = &line[..i];
        let after = &line[i + c.len_utf8()..];
        if before.ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace) {
            let s = before.trim_end().len();
            let e = line.len() - after.trim_start().len();
            if s > 0 && e < line.len() {
                out.push((s, e));
            }
        }
    }
    out
}

/// Ad labels that may sit at either end of a line with text ("... Advertisement").
const EDGE_LABELS: &[&str] = &["Advertisement", "ADVERTISEMENT", "Sponsored", "SPONSORED", "Publicité", "PUBLICITÉ"];

/// Bytes to drop at the start and the end of `line` for ad labels glued to it.
pub fn edge_labels(line: &str) -> (usize, usize) {
    let (mut s, mut e) = (0, line.len());
    loop {
        let cur = &line[s..e];
        let mut changed = false;
        for l in EDGE_LABELS {
            if let Some(rest) = cur.strip_prefix(l)
                && rest.starts_with(char::is_whitespace)
                && !rest.trim().is_empty()
            {
                s += l.len() + (rest.len() - rest.trim_start().len());
                changed = true;
                break;
            }
            if let Some(rest) = cur.strip_suffix(l)
                && rest.ends_with(char::is_whitespace)
                && !rest.trim().is_empty()
            {
                e -= l.len() + (rest.len() - rest.trim_end().len());
                changed = true;
                break;
            }
        }
        if !changed {
            return (s, line.len() - e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_widgets_and_notices() {
        assert_eq!(furniture("Advertisement"), Some(Removed::Label));
        assert_eq!(furniture("Articles"), Some(Removed::Label));
        assert_eq!(furniture("Share on Facebook Share on X Share on WhatsApp"), Some(Removed::Share));
        assert_eq!(furniture("Follow EXAMPLE.TEST: Facebook | Twitter"), Some(Removed::Share));
        assert_eq!(furniture("Please enable Javascript to watch this video"), Some(Removed::Captcha));
        assert_eq!(furniture("We use cookies to improve your experience on our site."), Some(Removed::Cookie));
        assert_eq!(furniture("Sign up for our newsletter"), Some(Removed::Account));
        assert_eq!(furniture("© 2026 Sahel Example Daily. All rights reserved."), Some(Removed::Copyright));
        assert_eq!(furniture("Close Get email notifications on daily!"), Some(Removed::Account));
        assert_eq!(furniture("Sign up for breaking news from the Example Daily"), Some(Removed::Account));
        assert_eq!(furniture("Or subscribe to our daily digest:"), Some(Removed::Account));
        assert_eq!(furniture("Google"), Some(Removed::Share));
        let wall =
            format!("We and our partners store and/or access information on a device, {}", "such as cookies and identifiers, ".repeat(20));
        assert_eq!(furniture(&wall), Some(Removed::Cookie));
    }

    #[test]
    fn prose_is_not_furniture() {
        assert_eq!(furniture("Soldiers shared their rations with villagers in Tillabéri."), None);
        assert_eq!(furniture("The army said it would share intelligence with Mali and Burkina Faso."), None);
        assert_eq!(furniture("Home"), Some(Removed::Label));
        assert_eq!(furniture("Home to 40,000 people, the town lies near the border."), None);
        assert_eq!(furniture("Subscribers to the militia's channel shared the video, residents said."), None);
        assert_eq!(furniture("Signs of the attack were visible on the walls of the post."), None);
        let long = format!("{} newsletter", "word ".repeat(80));
        assert_eq!(furniture(&long), None);
    }

    #[test]
    fn images_credits_teasers() {
        assert!(is_image_name("t3tlCUDNr.png"));
        assert!(is_image_name("kokorou_patrol_2026_03.jpg"));
        assert!(!is_image_name("The photo.jpg file was shared"));
        assert_eq!(credit("Source » example-wire.test"), Some("example-wire.test"));
        assert_eq!(credit("Source: Example Wire"), Some("Example Wire"));
        assert_eq!(credit("Source: Suspect in three killings arrested after week-long search"), None);
        assert!(is_teaser("Read more: Niger extends state of emergency"));
        assert!(!is_teaser("Read more about it later, he said."));
    }

    #[test]
    fn glyphs_and_edges() {
        assert_eq!(leading_glyphs("  • Seven soldiers"), 0);
        assert_eq!(leading_glyphs("• Seven soldiers"), "• ".len());
        assert_eq!(leading_glyphs("× Title"), "× ".len());
        assert_eq!(leading_glyphs("- a list item"), 2);
        assert_eq!(leading_glyphs("-5 degrees"), 0);
        assert!(is_glyphs_only("* * *"));
        assert!(is_glyphs_only("———"));
        assert!(!is_glyphs_only("3"));
        assert_eq!(edge_labels("date 2026-03-14 Advertisement"), (0, " Advertisement".len()));
        assert_eq!(edge_labels("Advertisement"), (0, 0));
        let line = "First point • Second point";
        let b = inline_bullets(line);
        assert_eq!(b.len(), 1);
        assert_eq!(&line[b[0].0..b[0].1], " • ");
    }
}
