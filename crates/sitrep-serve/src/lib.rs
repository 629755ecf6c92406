//! `sitrep serve`: the HTTP API and the web page over a sitrep database, and the CSV and
//! GeoJSON renderings of events (`sitrep export events`).
//!
//! - [`router`] builds the axum application over an [`App`] (a read-only connection pool,
//!   an optional writer, the options); [`run`] binds and serves it until Ctrl-C.
//! - The API (`/api/...`, module [`api`]) answers JSON; its errors have one shape
//!   ([`error::ApiError`]); its document is `/api/openapi.json` ([`openapi`]).
//! - The page (`/`, module [`assets`]) is static HTML, CSS and JavaScript built into the
//!   binary; it draws its map from country and admin1 outlines built into the binary too
//!   ([`countries`]): nothing is fetched from elsewhere.
//! - Safety (module [`guard`]): every response carries a strict Content-Security-Policy
//!   (scripts and styles only from this server, no inline code), `nosniff`, no framing, no
//!   referrer; a loopback server only answers requests addressed to a loopback name (no DNS
//!   rebinding); request bodies, query strings, request time and statement time are bounded;
//!   idle connections are dropped; the database is opened read-only unless a write token is
//!   configured, and then only `POST /api/articles` writes, with the token.
//! - [`export`]: ACLED-style CSV and GeoJSON of contract lines. [`synth`]: realistic
//!   generated events for load tests; [`load`]: the load generator of `sitrep bench serve`.

pub mod api;
pub mod assets;
pub mod countries;
pub mod db;
pub mod error;
pub mod export;
pub mod guard;
pub mod load;
pub mod openapi;
pub mod query;
pub mod synth;
pub mod view;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::IntoResponse;
use axum::routing::get;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// The database.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Serve quotes only, never whole article texts.
    pub quotes_only: bool,
    /// Enables `POST /api/articles` for requests bearing this token.
    pub write_token: Option<String>,
    /// Largest request body (uploads), in bytes.
    pub max_body_bytes: usize,
    /// Longest a request may take.
    pub request_timeout: Duration,
    /// Longest one database read may take.
    pub query_timeout: Duration,
    /// Connections are dropped after this long without a byte from the client.
    pub idle_timeout: Duration,
    /// Most connections served at once (more wait to be accepted).
    pub max_connections: usize,
    /// Read-only database connections.
    pub readers: usize,
    /// Host names accepted besides loopback names (needed behind a proxy or on a LAN name).
    pub allowed_hosts: Vec<String>,
    /// One log line per request on stderr.
    pub access_log: bool,
    /// Bring the database's schema up to date before serving (a write).
    pub migrate: bool,
    /// How uploads are ingested (the reader's gazetteer and actors, the linker).
    pub pipeline: sitrep_pipeline::PipelineOptions,
}

impl Config {
    /// Defaults for a database, on 127.0.0.1:8080.
    pub fn new(db: PathBuf) -> Self {
        Config {
            db,
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            quotes_only: false,
            write_token: None,
            max_body_bytes: 16 << 20,
            request_timeout: Duration::from_secs(15),
            query_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            max_connections: 256,
            readers: 4,
            allowed_hosts: Vec::new(),
            access_log: false,
            migrate: false,
            pipeline: sitrep_pipeline::PipelineOptions::default(),
        }
    }
}

/// Errors that stop the server from starting.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The database cannot be served.
    #[error(transparent)]
    Open(#[from] db::OpenError),
    /// The writer could not be opened.
    #[error(transparent)]
    Store(#[from] sitrep_store::StoreError),
    /// The address cannot be listened on (the error is in the message, not a source, so
    /// that it is said once).
    #[error("cannot listen on {addr}: {error}{hint}", hint = if error.kind() == std::io::ErrorKind::AddrInUse { " (another program uses this port: --addr 127.0.0.1:0 picks a free one)" } else { "" })]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        error: std::io::Error,
    },
    /// Serving failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A bad option.
    #[error("{0}")]
    Config(String),
}

/// The application state shared by handlers.
#[derive(Debug)]
pub struct App {
    /// Read-only connections.
    pub pool: Arc<db::Pool>,
    /// The writer, when writing is enabled.
    pub writer: Option<db::Writer>,
    /// The options.
    pub config: Config,
}

impl App {
    /// Opens the database as the configuration says.
    pub fn open(config: Config) -> Result<App, ServeError> {
        if let Some(t) = &config.write_token
            && t.len() < 16
        {
            return Err(ServeError::Config("the write token must have at least 16 characters".into()));
        }
        let pool = Arc::new(db::Pool::open(&config.db, config.readers, config.query_timeout, config.migrate)?);
        let writer = config.write_token.is_some().then(|| db::Writer::open(&config.db)).transpose()?;
        Ok(App { pool, writer, config })
    }
}

/// The application: the page, its assets and the API, behind the guards.
pub fn router(app: Arc<App>) -> Router {
    let api = Router::new()
        .route("/events", get(api::events))
        .route("/events/map", get(api::events_map))
        .route("/events/timeline", get(api::events_timeline))
        .route("/events/{id}", get(api::event))
        .route("/articles", get(api::articles).post(api::post_articles))
        .route("/articles/{id}", get(api::article))
        .route("/stats", get(api::stats))
        .route("/openapi.json", get(api::openapi))
        .fallback(api::not_found);
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/favicon.ico", get(assets::favicon))
        .nest("/api", api)
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(app.config.max_body_bytes))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(app.config.max_body_bytes))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            error::ApiError::internal("a request handler panicked").into_response()
        }))
        .layer(axum::middleware::from_fn_with_state(app.clone(), guard::guard))
        .with_state(app)
}

/// Binds, says where, and serves until Ctrl-C or SIGTERM. `on_ready` gets the address
/// actually bound (port 0 picks a free one).
pub async fn run(app: App, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let addr = app.config.addr;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|error| ServeError::Bind { addr, error })?;
    let addr = listener.local_addr()?;
    let limits = guard::ConnectionLimits { idle: app.config.idle_timeout, max: app.config.max_connections };
    let app = Arc::new(app);
    on_ready(addr);
    axum::serve(guard::GuardedListener::new(listener, limits), router(app).into_make_service())
        .with_graceful_shutdown(guard::shutdown_signal())
        .await?;
    Ok(())
}
