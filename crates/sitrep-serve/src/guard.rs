//! What stands between the network and the handlers: security headers on every response,
//! the Host check of a loopback server, limits on the URI and the request time, one JSON
//! shape for errors made by any layer, an optional access log, and a listener that bounds
//! the number of connections and drops idle ones.

use crate::App;
use crate::error::{ApiError, code_for};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Sleep;

/// The Content-Security-Policy of every response: scripts, styles, images and requests only
/// from this server, no inline script or style, no plugins, no framing, no forms elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
                       manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Longest accepted path and query.
pub const MAX_URI: usize = 8 * 1024;

fn host_name(headers: &HeaderMap) -> Option<String> {
    let h = headers.get(header::HOST)?.to_str().ok()?.trim().to_ascii_lowercase();
    let name = if h.starts_with('[') {
        h.split_once(']').map(|(a, _)| format!("{a}]"))?
    } else {
        h.split(':').next().unwrap_or_default().to_string()
    };
    Some(name.trim_end_matches('.').to_string())
}

/// True when a request's Host may be answered: a loopback server answers loopback names only
/// (and names configured), so a web page elsewhere cannot reach it by rebinding a DNS name to
/// 127.0.0.1; a server on another address answers any name unless names are configured.
pub fn host_allowed(app: &App, headers: &HeaderMap) -> bool {
    let configured = &app.config.allowed_hosts;
    if !app.config.addr.ip().is_loopback() && configured.is_empty() {
        return true;
    }
    let Some(name) = host_name(headers) else { return false };
    matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]")
        || name.ends_with(".localhost")
        || configured.iter().any(|h| h.eq_ignore_ascii_case(&name))
        || (!app.config.addr.ip().is_loopback() && name == app.config.addr.ip().to_string())
}

fn set_security_headers(h: &mut HeaderMap, api: bool) {
    let set = |h: &mut HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(h, "content-security-policy", CSP);
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "no-referrer");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    set(h, "permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if api && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// Makes an error response made by a layer or a rejection (plain text) a JSON error.
async fn normalise(resp: Response) -> Response {
    let status = resp.status();
    let is_json = resp.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/json"));
    if status.as_u16() < 400 || is_json {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let mut message = String::from_utf8_lossy(&text).trim().to_string();
    if status.is_server_error() {
        if !message.is_empty() {
            eprintln!("sitrep serve: internal error: {message}");
        }
        message = "internal error (the server logged the details)".into();
    } else if message.is_empty() {
        message = status.canonical_reason().unwrap_or("error").to_string();
    }
    let err = ApiError::new(status, code_for(status), message);
    let body = serde_json::to_vec(&err.body()).unwrap_or_default();
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    Response::from_parts(parts, Body::from(body))
}

/// The middleware in front of every route.
pub async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let api = path.starts_with("/api/");
    let uri_len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    let resp = if !host_allowed(&app, req.headers()) {
        ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "misdirected_request",
            "this server answers requests addressed to localhost only (start it with --allow-host NAME to accept another name)",
        )
        .into_response()
    } else if uri_len > MAX_URI {
        ApiError::new(StatusCode::URI_TOO_LONG, "uri_too_long", format!("the address is limited to {MAX_URI} bytes")).into_response()
    } else {
        match tokio::time::timeout(app.config.request_timeout, next.run(req)).await {
            Ok(r) => r,
            Err(_) => ApiError::timeout().into_response(),
        }
    };
    let mut resp = normalise(resp).await;
    let error = resp.status().as_u16() >= 400;
    set_security_headers(resp.headers_mut(), api || error);
    if app.config.access_log {
        eprintln!("{} {} {} {:.1} ms", method, path, resp.status().as_u16(), started.elapsed().as_secs_f64() * 1000.0);
    }
    resp
}

/// Limits of the listener.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// A connection with no byte moving for this long is closed.
    pub idle: Duration,
    /// Connections served at once.
    pub max: usize,
}

/// A TCP listener that serves at most `max` connections at once (others wait in the kernel's
/// queue) and wraps each in [`GuardedIo`].
#[derive(Debug)]
pub struct GuardedListener {
    inner: TcpListener,
    limits: ConnectionLimits,
    permits: Arc<Semaphore>,
}

impl GuardedListener {
    /// Wraps a bound listener.
    pub fn new(inner: TcpListener, limits: ConnectionLimits) -> Self {
        GuardedListener { inner, permits: Arc::new(Semaphore::new(limits.max.max(1))), limits }
    }
}

impl axum::serve::Listener for GuardedListener {
    type Io = GuardedIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let permit = Arc::clone(&self.permits).acquire_owned().await.expect("the semaphore is never closed");
        loop {
            match self.inner.accept().await {
                Ok((stream, addr)) => {
                    let _ = stream.set_nodelay(true);
                    return (GuardedIo::new(stream, permit, self.limits.idle), addr);
                }
                // out of file descriptors and the like: wait, then try again
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// A connection that fails with `TimedOut` when a read or a write waits longer than the idle
/// limit; it holds its slot of the connection limit until dropped.
#[derive(Debug)]
pub struct GuardedIo {
    stream: TcpStream,
    _permit: OwnedSemaphorePermit,
    idle: Duration,
    read_timer: Pin<Box<Sleep>>,
    read_armed: bool,
    write_timer: Pin<Box<Sleep>>,
    write_armed: bool,
}

impl GuardedIo {
    fn new(stream: TcpStream, permit: OwnedSemaphorePermit, idle: Duration) -> Self {
        GuardedIo {
            stream,
            _permit: permit,
            idle,
            read_timer: Box::pin(tokio::time::sleep(idle)),
            read_armed: false,
            write_timer: Box::pin(tokio::time::sleep(idle)),
            write_armed: false,
        }
    }
}

fn waited<T>(
    timer: &mut Pin<Box<Sleep>>,
    armed: &mut bool,
    idle: Duration,
    cx: &mut Context<'_>,
    r: Poll<io::Result<T>>,
) -> Poll<io::Result<T>> {
    match r {
        Poll::Ready(v) => {
            *armed = false;
            Poll::Ready(v)
        }
        Poll::Pending => {
            if !*armed {
                timer.as_mut().reset(tokio::time::Instant::now() + idle);
                *armed = true;
            }
            match timer.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "connection idle too long"))),
                Poll::Pending => Poll::Pending,
            }
        }
    }
}

impl AsyncRead for GuardedIo {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let r = Pin::new(&mut this.stream).poll_read(cx, buf);
        waited(&mut this.read_timer, &mut this.read_armed, this.idle, cx, r)
    }
}

impl AsyncWrite for GuardedIo {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let r = Pin::new(&mut this.stream).poll_write(cx, buf);
        waited(&mut this.write_timer, &mut this.write_armed, this.idle, cx, r)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let r = Pin::new(&mut this.stream).poll_flush(cx);
        waited(&mut this.write_timer, &mut this.write_armed, this.idle, cx, r)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[io::IoSlice<'_>]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let r = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        waited(&mut this.write_timer, &mut this.write_armed, this.idle, cx, r)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
