//! A small HTTP/1.1 load generator (keep-alive connections on plain threads, no client
//! library): `sitrep bench serve` runs it in its own process against a `sitrep serve` child
//! process on loopback. Each connection sends the requests of its list in turn for a fixed
//! time; every request's latency (send to last body byte) and status are recorded.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// A response: status and body.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// One keep-alive connection.
#[derive(Debug)]
pub struct Client {
    addr: SocketAddr,
    stream: Option<BufReader<TcpStream>>,
}

impl Client {
    /// A client of `addr` (connects on first use, reconnects when the server closed).
    pub fn new(addr: SocketAddr) -> Self {
        Client { addr, stream: None }
    }

    fn connect(&mut self) -> io::Result<&mut BufReader<TcpStream>> {
        if self.stream.is_none() {
            let s = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5))?;
            s.set_nodelay(true)?;
            s.set_read_timeout(Some(Duration::from_secs(30)))?;
            self.stream = Some(BufReader::new(s));
        }
        Ok(self.stream.as_mut().expect("connected"))
    }

    /// `GET path` (path and query, already percent-encoded).
    pub fn get(&mut self, path: &str) -> io::Result<Reply> {
        let r = self.try_get(path);
        if r.is_err() {
            self.stream = None;
        }
        r
    }

    fn try_get(&mut self, path: &str) -> io::Result<Reply> {
        let host = self.addr.to_string();
        let s = self.connect()?;
        write!(s.get_mut(), "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\nAccept-Encoding: identity\r\n\r\n")?;
        s.get_mut().flush()?;
        let mut line = String::new();
        s.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("bad status line {line:?}")))?;
        let mut length: Option<usize> = None;
        let mut chunked = false;
        let mut close = false;
        loop {
            line.clear();
            if s.read_line(&mut line)? == 0 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "headers cut"));
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
                match k.as_str() {
                    "content-length" => length = v.parse().ok(),
                    "transfer-encoding" => chunked = v.eq_ignore_ascii_case("chunked"),
                    "connection" => close = v.eq_ignore_ascii_case("close"),
                    _ => {}
                }
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                s.read_line(&mut line)?;
                let n = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16)
                    .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
                if n == 0 {
                    line.clear();
                    s.read_line(&mut line)?;
                    break;
                }
                let start = body.len();
                body.resize(start + n, 0);
                s.read_exact(&mut body[start..])?;
                let mut crlf = [0u8; 2];
                s.read_exact(&mut crlf)?;
            }
        } else if let Some(n) = length {
            body.resize(n, 0);
            s.read_exact(&mut body)?;
        } else {
            s.read_to_end(&mut body)?;
            close = true;
        }
        if close {
            self.stream = None;
        }
        Ok(Reply { status, body })
    }
}

/// What one kind of request did.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Latencies in microseconds, sorted.
    pub micros: Vec<u64>,
    /// Requests answered other than 200, or failed.
    pub errors: u64,
    /// The first error seen.
    pub first_error: Option<String>,
}

impl Tally {
    /// The `p`-th percentile (0..=100) in milliseconds, nearest rank.
    pub fn percentile_ms(&self, p: f64) -> f64 {
        if self.micros.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * self.micros.len() as f64).ceil().max(1.0) as usize;
        self.micros[rank.min(self.micros.len()) - 1] as f64 / 1000.0
    }
}

/// A load test's result: per label, and overall.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// `(label, tally)` in the order given.
    pub per_label: Vec<(String, Tally)>,
    /// Everything together.
    pub all: Tally,
    /// Wall time.
    pub elapsed: Duration,
}

/// Runs `connections` keep-alive connections for `duration`, each cycling through
/// `requests` (`(label, path)`) from a different starting point.
pub fn run(addr: SocketAddr, requests: &[(String, String)], connections: usize, duration: Duration) -> Report {
    let started = Instant::now();
    let deadline = started + duration;
    let results: Vec<Vec<(usize, u64, Option<String>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..connections.max(1))
            .map(|c| {
                scope.spawn(move || {
                    let mut client = Client::new(addr);
                    let mut out = Vec::new();
                    let mut i = c * requests.len() / connections.max(1);
                    while Instant::now() < deadline && !requests.is_empty() {
                        let k = i % requests.len();
                        let t = Instant::now();
                        let r = client.get(&requests[k].1);
                        let us = t.elapsed().as_micros() as u64;
                        let err = match r {
                            Ok(rep) if rep.status == 200 => None,
                            Ok(rep) => Some(format!(
                                "{} {}: {}",
                                rep.status,
                                requests[k].1,
                                String::from_utf8_lossy(&rep.body[..rep.body.len().min(200)])
                            )),
                            Err(e) => Some(format!("{}: {e}", requests[k].1)),
                        };
                        out.push((k, us, err));
                        i += 1;
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut per: Vec<(String, Tally)> = requests.iter().map(|(l, _)| (l.clone(), Tally::default())).collect();
    let mut all = Tally::default();
    for (k, us, err) in results.into_iter().flatten() {
        for t in [&mut per[k].1, &mut all] {
            t.micros.push(us);
            if let Some(e) = &err {
                t.errors += 1;
                t.first_error.get_or_insert_with(|| e.clone());
            }
        }
    }
    // merge tallies sharing a label
    let mut merged: Vec<(String, Tally)> = Vec::new();
    for (l, t) in per {
        match merged.iter_mut().find(|(m, _)| *m == l) {
            Some((_, m)) => {
                m.micros.extend(t.micros);
                m.errors += t.errors;
                if m.first_error.is_none() {
                    m.first_error = t.first_error;
                }
            }
            None => merged.push((l, t)),
        }
    }
    for (_, t) in &mut merged {
        t.micros.sort_unstable();
    }
    all.micros.sort_unstable();
    Report { per_label: merged, all, elapsed: started.elapsed() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let t = Tally { micros: (1..=100).map(|x| x * 1000).collect(), errors: 0, first_error: None };
        assert_eq!(t.percentile_ms(50.0), 50.0);
        assert_eq!(t.percentile_ms(99.0), 99.0);
        assert_eq!(t.percentile_ms(100.0), 100.0);
        assert_eq!(Tally::default().percentile_ms(99.0), 0.0);
    }

    #[test]
    fn the_client_reads_lengths_chunks_and_closes() {
        use std::net::TcpListener;
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            for reply in [
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
            ] {
                loop {
                    line.clear();
                    r.read_line(&mut line).unwrap();
                    if line == "\r\n" {
                        break;
                    }
                }
                s.write_all(reply.as_bytes()).unwrap();
            }
        });
        let mut c = Client::new(addr);
        let a = c.get("/a").unwrap();
        assert_eq!((a.status, a.body.as_slice()), (200, &b"hello"[..]));
        let b = c.get("/b").unwrap();
        assert_eq!((b.status, b.body.as_slice()), (404, &b"abcde"[..]));
        server.join().unwrap();
    }
}
