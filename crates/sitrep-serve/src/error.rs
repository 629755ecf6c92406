//! The API's errors: one JSON shape for every failure,
//! `{"error": {"status": 400, "code": "invalid_parameter", "message": "..."}}`.
//!
//! User errors (4xx) say what was wrong; internal errors (5xx) are written to the server's
//! log and the client only learns that something failed (no SQL, no paths, no data).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sitrep_store::StoreError;

/// An error answered to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable machine-readable code.
    pub code: &'static str,
    /// Human-readable message (never internal details).
    pub message: String,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into() }
    }

    /// 400 `invalid_parameter`.
    pub fn invalid(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message)
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 500 `internal`: `detail` goes to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        eprintln!("sitrep serve: internal error: {detail}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error (the server logged the details)")
    }

    /// 503 `timeout`.
    pub fn timeout() -> Self {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "timeout", "the request took too long; narrow the filters and try again")
    }

    /// The JSON body.
    pub fn body(&self) -> serde_json::Value {
        serde_json::json!({"error": {"status": self.status.as_u16(), "code": self.code, "message": self.message}})
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        if is_interrupt(&e) {
            return ApiError::timeout();
        }
        ApiError::internal(e)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::from(StoreError::from(e))
    }
}

/// True when SQLite stopped a statement because its deadline passed.
fn is_interrupt(e: &StoreError) -> bool {
    matches!(e, StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::OperationInterrupted)
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body())).into_response()
    }
}

/// The code used for a status when a layer (not a handler) produced the error.
pub fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "timeout",
        413 => "too_large",
        414 => "uri_too_long",
        415 => "unsupported_media_type",
        421 => "misdirected_request",
        422 => "unprocessable",
        429 => "too_many_requests",
        503 => "unavailable",
        s if s >= 500 => "internal",
        _ => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_do_not_leak_details() {
        let e = ApiError::internal("no such table: secret_table at /home/me/db");
        let body = e.body().to_string();
        assert!(!body.contains("secret_table"));
        assert_eq!(e.body()["error"]["status"], 500);
    }

    #[test]
    fn interrupted_queries_are_timeouts() {
        let f = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT);
        let e = ApiError::from(rusqlite::Error::SqliteFailure(f, None));
        assert_eq!(e.code, "timeout");
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
    }
}
