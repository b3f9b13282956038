//! The store benchmarks' workload, written once for every backend: a library
//! of full-sized movies (each with a file) under varied titles, the queries
//! run against it, and the timed write loops. The backends' `benches/store.rs`
//! only open a store and hand these to criterion.

use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use domain::movie::Movie;
use domain::movie_file::MovieFile;
use domain::quality_definition::default_definitions;
use domain::quality_profile::default_profiles;
use futures::{StreamExt, TryStreamExt};

use crate::Store;
use crate::story::{full_movie, movie_file};

/// Movies the benchmarks run against.
pub const LIBRARY_SIZE: usize = 10_000;

/// Movies per `add_movies` call while loading: one transaction each.
const LOAD_BATCH: usize = 500;

/// Files recorded at once while loading (PostgreSQL runs them side by side).
const FILE_CONCURRENCY: usize = 8;

/// The result limit of the search benchmark, as the UI's search box asks.
pub const SEARCH_LIMIT: u32 = 50;

/// Search queries drawn from random titles of the library (a query may repeat,
/// as popular searches do).
const QUERIES: usize = 256;

/// TMDB ids of movies the create benchmark adds: far above the library's.
const FIRST_NEW_TMDB_ID: i32 = 10_000_000;

/// Title words, the more common first: titles draw early words more often,
/// so some queries match a handful of movies and some match hundreds.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "man", "love", "night", "dark", "last", "day", "world", "life", "story", "city", "house",
    "girl", "death", "king", "war", "time", "blood", "star", "dead", "black", "big", "little",
    "lost", "home", "secret", "red", "american", "dream", "game", "road", "summer", "devil",
    "heart", "island", "woman", "moon", "fire", "ghost", "shadow", "sea", "money", "school",
    "murder", "hunter", "angel", "street", "boy", "family", "wild", "christmas", "new", "paradise",
    "empire", "river", "lady", "kill", "prince", "return", "mountain", "monster", "storm",
    "silent", "golden", "sun", "iron", "cold", "deep", "rising", "winter", "blue", "white",
    "journey", "mission", "planet", "escape", "legend", "hidden", "broken", "falling", "forever",
    "crazy", "perfect", "sweet", "brave", "fast", "rain", "lucky", "wolf", "dragon", "space",
    "zero", "edge", "final", "silver", "green", "ocean", "desert", "dawn", "tomorrow", "shore",
    "soldier", "spy", "thief", "doctor", "stranger", "brother", "sister", "father", "mother",
    "child", "machine", "code", "signal", "mirror", "garden", "train", "highway", "harbor",
    "castle", "forest", "valley", "canyon", "thunder", "echo", "spirit", "witch", "vampire",
    "zombie", "alien", "robot", "pirate", "cowboy", "samurai", "ninja", "detective", "agent",
    "assassin", "warrior", "queen", "emperor", "knight", "saint", "sinner", "rebel", "outlaw",
    "hero", "villain", "legacy", "origin", "revenge", "redemption", "awakening", "reckoning",
    "uprising", "horizon", "frontier", "eclipse", "midnight", "twilight", "harvest", "carnival",
    "symphony", "requiem",
];

/// Tag labels the library's movies carry.
const TAGS: [&str; 4] = ["4k", "kids", "anime", "favourite"];

/// A small deterministic generator (SplitMix64), so every run loads the same
/// library and asks the same questions. Shared by reference across iterations.
pub struct Rng(AtomicU64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(AtomicU64::new(seed))
    }

    /// The next 64 random bits.
    pub fn next_u64(&self) -> u64 {
        let mut z = self
            .0
            .fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed)
            .wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A word of the title vocabulary, skewed towards the common ones.
    fn word(&self) -> &'static str {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        WORDS[((u * u) * WORDS.len() as f64) as usize % WORDS.len()]
    }
}

/// A title of one to three capitalised words, sometimes after "The",
/// sometimes with a sequel number: "The Dark Harbor 2".
pub fn title(rng: &Rng) -> String {
    let mut words: Vec<String> = Vec::new();
    if rng.below(4) == 0 {
        words.push("The".into());
    }
    let count = match rng.below(20) {
        0..=5 => 1,
        6..=14 => 2,
        _ => 3,
    };
    let mut drawn: Vec<&str> = Vec::with_capacity(count);
    while drawn.len() < count {
        let word = rng.word();
        // A title names each word once: "Man Man" would make a query that
        // matches every title with "man" in it.
        if drawn.contains(&word) {
            continue;
        }
        drawn.push(word);
        let mut chars = word.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        words.push(first.unwrap_or_default() + chars.as_str());
    }
    if rng.below(10) == 0 {
        words.push((2 + rng.below(3)).to_string());
    }
    words.join(" ")
}

/// A query a user types: a title's first word and the start of its second,
/// "dark har". Titles of one word give no query.
fn prefix_query(title: &str) -> Option<String> {
    let mut words = title.split(' ').map(str::to_lowercase);
    let first = words.next()?;
    let second = words.next()?;
    let len = second.chars().count();
    let keep = len.min(3.max(len.div_ceil(2)));
    Some(format!(
        "{first} {}",
        second.chars().take(keep).collect::<String>()
    ))
}

/// A loaded library and what the benchmarks draw from it.
pub struct Workload {
    /// The movies as stored, with ids and files.
    pub movies: Vec<Movie>,
    /// The ids of the tags the library's movies carry.
    pub tag_ids: Vec<i32>,
    /// Two-word prefix queries, each matching at least one movie.
    pub queries: Vec<String>,
    /// Picks movies, queries and field values.
    pub rng: Rng,
    next_tmdb_id: AtomicI32,
}

impl Workload {
    /// Seeds the defaults and tags, stores [`LIBRARY_SIZE`] full-sized movies
    /// with `add_movies` in batches, and records a file for each.
    pub async fn load(store: &dyn Store) -> Workload {
        store
            .seed_defaults(&default_profiles(), &default_definitions())
            .await
            .expect("seed defaults");
        let mut tag_ids = Vec::new();
        for label in TAGS {
            tag_ids.push(store.add_tag(label).await.expect("add tag").id);
        }
        let rng = Rng::new(0x5eed);
        let mut movies = Vec::with_capacity(LIBRARY_SIZE);
        let mut batch = Vec::with_capacity(LOAD_BATCH);
        for n in 0..LIBRARY_SIZE {
            let tmdb_id = 1000 + n as i32;
            let mut movie = full_movie(tmdb_id, &title(&rng), 1950 + rng.below(76) as i32);
            if rng.below(5) == 0 {
                movie.tags = vec![tag_ids[rng.below(tag_ids.len())]];
            }
            movie.monitored = rng.below(10) != 0;
            batch.push(movie);
            if batch.len() == LOAD_BATCH || n + 1 == LIBRARY_SIZE {
                movies.extend(store.add_movies(&batch).await.expect("add movies"));
                batch.clear();
            }
        }
        let files: Vec<MovieFile> = movies.iter().map(movie_file).collect();
        let stored: Vec<MovieFile> =
            futures::stream::iter(files.iter().map(|f| store.add_movie_file(f)))
                .buffered(FILE_CONCURRENCY)
                .try_collect()
                .await
                .expect("add movie files");
        for (movie, file) in movies.iter_mut().zip(stored) {
            movie.movie_file = Some(file);
        }
        let mut queries = Vec::with_capacity(QUERIES);
        while queries.len() < QUERIES {
            if let Some(query) = prefix_query(&movies[rng.below(movies.len())].title) {
                queries.push(query);
            }
        }
        Workload {
            movies,
            tag_ids,
            queries,
            rng,
            next_tmdb_id: AtomicI32::new(FIRST_NEW_TMDB_ID),
        }
    }

    /// The id of a random movie of the library.
    pub fn random_id(&self) -> i32 {
        self.movies[self.rng.below(self.movies.len())].id
    }

    /// A random query of [`Workload::queries`].
    pub fn random_query(&self) -> &str {
        &self.queries[self.rng.below(self.queries.len())]
    }

    /// The mean number of movies a query matches, and the share of queries
    /// that match more than [`SEARCH_LIMIT`]: how selective the search is.
    pub async fn search_selectivity(&self, store: &dyn Store) -> (f64, f64) {
        let mut total = 0;
        let mut over = 0;
        for query in &self.queries {
            let found = store.search_movies(query, u32::MAX).await.expect("search");
            total += found.len();
            over += usize::from(found.len() > SEARCH_LIMIT as usize);
        }
        let n = self.queries.len() as f64;
        (total as f64 / n, over as f64 / n)
    }

    /// Adds `iters` new full-sized movies one `add_movie` at a time, each
    /// under a TMDB id never used before, and returns the time those calls
    /// took. Building each movie and deleting them afterwards (so the library
    /// stays at its size) are not timed.
    pub async fn create_movies(&self, store: &dyn Store, iters: u64) -> Duration {
        let mut elapsed = Duration::ZERO;
        let mut ids = Vec::with_capacity(iters as usize);
        for _ in 0..iters {
            let tmdb_id = self.next_tmdb_id.fetch_add(1, Ordering::Relaxed);
            let movie = full_movie(tmdb_id, &title(&self.rng), 2024);
            let start = Instant::now();
            let added = store.add_movie(&movie).await.expect("add movie");
            elapsed += start.elapsed();
            ids.push(added.id);
        }
        store
            .delete_movies(&ids, &[])
            .await
            .expect("delete added movies");
        elapsed
    }

    /// Saves `iters` random movies of the library with their monitored flag
    /// and tags changed, one `update_movie` at a time, and returns the time
    /// those calls took (copying and changing each movie is not timed).
    pub async fn update_movies(&self, store: &dyn Store, iters: u64) -> Duration {
        let mut elapsed = Duration::ZERO;
        for _ in 0..iters {
            let mut movie = self.movies[self.rng.below(self.movies.len())].clone();
            movie.monitored = self.rng.below(2) == 0;
            movie.tags = self
                .tag_ids
                .iter()
                .copied()
                .filter(|_| self.rng.below(3) == 0)
                .collect();
            let start = Instant::now();
            store.update_movie(&movie).await.expect("update movie");
            elapsed += start.elapsed();
        }
        elapsed
    }
}

/// Loads the workload into the store `open` makes, prints how selective its
/// searches are, and runs the four benchmarks as the group `backend`
/// (`create_movie`, `fetch_movie_by_id`, `search_movies`, `update_movie`).
pub fn run_benchmarks<S, F>(c: &mut criterion::Criterion, backend: &str, open: F)
where
    S: Store,
    F: std::future::Future<Output = S>,
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let (store, work) = runtime.block_on(async {
        let store = open.await;
        let started = Instant::now();
        let work = Workload::load(&store).await;
        let loaded = started.elapsed();
        let (mean, over) = work.search_selectivity(&store).await;
        eprintln!(
            "{backend}: {LIBRARY_SIZE} movies loaded in {:.1} s; a search query matches {mean:.1} \
             on average, {:.0}% match more than {SEARCH_LIMIT}",
            loaded.as_secs_f64(),
            over * 100.0
        );
        (store, work)
    });
    let mut group = c.benchmark_group(backend);
    group.bench_function("create_movie", |b| {
        b.to_async(&runtime)
            .iter_custom(|iters| work.create_movies(&store, iters));
    });
    group.bench_function("fetch_movie_by_id", |b| {
        b.to_async(&runtime)
            .iter(|| async { store.movie(work.random_id()).await.expect("fetch") });
    });
    group.bench_function("search_movies", |b| {
        b.to_async(&runtime).iter(|| async {
            store
                .search_movies(work.random_query(), SEARCH_LIMIT)
                .await
                .expect("search")
        });
    });
    group.bench_function("update_movie", |b| {
        b.to_async(&runtime)
            .iter_custom(|iters| work.update_movies(&store, iters));
    });
    group.finish();
    runtime.block_on(store.close());
}

/// Criterion settings for the store benchmarks: modest, so a whole run (load
/// included) stays well under two minutes.
pub fn criterion_config() -> criterion::Criterion {
    criterion::Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}
