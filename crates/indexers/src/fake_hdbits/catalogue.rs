//! A tracker's worth of releases for the fake HDBits: groups described by
//! how their releases fare (how many, how seeded and snatched, how often
//! internal, how steady their sizes, how often fixed by a PROPER), made
//! into plausible torrents over the Movie, TV and Documentary categories.
//! The same seed makes the same catalogue.

use crate::hdbits::Torrent;
use crate::hdbits::category;
use crate::hdbits::wire::ImdbInfo;

/// How one group's releases fare.
#[derive(Debug, Clone)]
pub struct GroupSpec {
    pub name: &'static str,
    pub releases: usize,
    /// Seeders and completions are drawn between half and one and a half
    /// times these.
    pub seeders: i32,
    pub completions: i64,
    /// Shares from 0 to 1.
    pub internal: f64,
    pub freeleech: f64,
    /// How far sizes stray from the quality's usual size, as a share of it.
    pub size_spread: f64,
    /// The share of its releases followed by its own PROPER.
    pub propers: f64,
}

/// Groups of every kind, about three thousand releases in all: steady
/// internal groups, a popular but careless one, poor ones, one with a few
/// excellent releases, and TV and documentary groups.
pub fn mixed_groups() -> Vec<GroupSpec> {
    let group = |name, releases, seeders, completions, internal, size_spread, propers| GroupSpec {
        name,
        releases,
        seeders,
        completions,
        internal,
        freeleech: 0.1,
        size_spread,
        propers,
    };
    vec![
        group("Lumen", 600, 80, 2_000, 1.0, 0.05, 0.0),
        group("Kestrel", 450, 60, 1_500, 0.9, 0.08, 0.01),
        group("Brisk", 700, 40, 2_500, 0.0, 0.4, 0.12),
        group("Middling", 500, 15, 300, 0.0, 0.2, 0.05),
        group("Drab", 400, 3, 40, 0.0, 0.6, 0.2),
        group("Murk", 300, 2, 20, 0.0, 0.7, 0.25),
        group("Rare", 3, 200, 9_000, 1.0, 0.0, 0.0),
        group("Telly", 250, 25, 400, 0.2, 0.15, 0.04),
        group("Nature", 150, 30, 500, 0.5, 0.1, 0.0),
    ]
}

/// Torrents for `groups`, ids from 1, newer ids later.
pub fn generate(groups: &[GroupSpec], seed: u64) -> Vec<Torrent> {
    let mut random = Random(seed.max(1));
    let mut torrents = Vec::new();
    let mut id = 0u64;
    for (g, group) in groups.iter().enumerate() {
        for n in 0..group.releases {
            let kind = KINDS[random.below(KINDS.len())];
            // TV and documentary groups are named so in `mixed_groups`; the
            // others release movies, with a little TV.
            let category = match group.name {
                "Telly" => category::TV,
                "Nature" => category::DOCUMENTARY,
                _ if n % 10 == 9 => category::TV,
                _ => category::MOVIE,
            };
            let title = if category == category::TV {
                format!(
                    "{}.S{:02}E{:02}.{}-{}",
                    WORDS[(g * 7 + n) % WORDS.len()],
                    1 + n % 9,
                    1 + n % 20,
                    kind.tag,
                    group.name
                )
            } else {
                format!(
                    "{}.{}.{}.{}-{}",
                    WORDS[(g * 31 + n) % WORDS.len()],
                    WORDS[(n * 13 + 5) % WORDS.len()],
                    1970 + (n % 55),
                    kind.tag,
                    group.name
                )
            };
            let stray = 1.0 + group.size_spread * (random.unit() * 2.0 - 1.0);
            id += 1;
            torrents.push(Torrent {
                id,
                hash: format!("{id:040X}"),
                leechers: random.between(0, 5) as i32,
                seeders: random.around(f64::from(group.seeders)) as i32,
                name: title.clone(),
                times_completed: random.around(group.completions as f64) as i64,
                size: (kind.size as f64 * stray) as i64,
                utadded: 1_500_000_000 + i64::try_from(id).unwrap_or(0) * 3_600,
                freeleech: if random.unit() < group.freeleech {
                    "yes"
                } else {
                    "no"
                }
                .into(),
                type_category: category,
                type_codec: 1,
                type_medium: kind.medium,
                type_origin: i32::from(random.unit() < group.internal),
                imdb: Some(ImdbInfo {
                    id: 100_000 + u32::try_from(id).unwrap_or(0),
                    englishtitle: None,
                    year: None,
                }),
            });
            if random.unit() < group.propers {
                let mut proper = torrents[torrents.len() - 1].clone();
                id += 1;
                proper.id = id;
                proper.hash = format!("{id:040X}");
                proper.utadded += 3_600;
                proper.name = title.replacen(kind.tag, &format!("PROPER.{}", kind.tag), 1);
                torrents.push(proper);
            }
        }
    }
    torrents
}

/// A quality's title words, HDBits medium and usual size.
#[derive(Clone, Copy)]
struct Kind {
    tag: &'static str,
    medium: i32,
    size: i64,
}

const KINDS: [Kind; 4] = [
    Kind {
        tag: "1080p.BluRay.DTS.x264",
        medium: 1,
        size: 12_000_000_000,
    },
    Kind {
        tag: "720p.BluRay.DTS.x264",
        medium: 1,
        size: 6_000_000_000,
    },
    Kind {
        tag: "1080p.WEB-DL.DD5.1.H.264",
        medium: 6,
        size: 5_000_000_000,
    },
    Kind {
        tag: "2160p.BluRay.REMUX.HEVC.TrueHD",
        medium: 5,
        size: 55_000_000_000,
    },
];

const WORDS: [&str; 16] = [
    "Harbor", "Quiet", "Lantern", "Silver", "North", "Ember", "Hollow", "Tide", "Garden", "Winter",
    "Signal", "Copper", "Meadow", "Echo", "Atlas", "Orchard",
];

/// A small deterministic generator (xorshift), so the fake needs no
/// randomness crate and a seed gives the same catalogue everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// From 0 up to 1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn between(&mut self, least: u64, most: u64) -> u64 {
        least + self.next() % (most - least + 1)
    }

    /// Between half and one and a half times `mean`.
    fn around(&mut self, mean: f64) -> f64 {
        (mean * (0.5 + self.unit())).round()
    }
}
