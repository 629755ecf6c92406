//! Event linking and reconciliation (in progress).
