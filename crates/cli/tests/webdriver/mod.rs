//! A small W3C WebDriver client for the browser test: JSON over HTTP/1.1 on a loopback socket,
//! written with the standard library (the protocol needs a dozen calls; a client crate would bring
//! a second HTTP stack into the build for that).

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The key WebDriver uses to name an element in its answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One browser session on a driver listening on `127.0.0.1:port`.
pub struct Session {
    port: u16,
    id: String,
}

/// One element of the page, by the driver's reference.
pub struct Element(String);

impl Session {
    /// Starts headless Chromium at `binary` through the driver.
    pub fn chromium(port: u16, binary: &str) -> Result<Session, String> {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1200,1500", "--hide-scrollbars"],
            },
        }}});
        let v = call(port, "POST", "/session", Some(&caps))?;
        let id = v["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {v}"))?;
        Ok(Session {
            port,
            id: id.to_string(),
        })
    }

    fn cmd(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        call(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )
    }

    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.cmd("POST", "/url", Some(&json!({ "url": url })))
            .map(drop)
    }

    /// Every element matching a CSS selector (none is not an error).
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>, String> {
        let v = self.cmd(
            "POST",
            "/elements",
            Some(&json!({"using": "css selector", "value": css})),
        )?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str())
                    .map(|s| Element(s.to_string()))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Waits up to `limit` for `css` to match something for which `ok` holds; returns it.
    pub fn wait_for(
        &self,
        css: &str,
        limit: Duration,
        ok: impl Fn(&Session, &Element) -> bool,
    ) -> Result<Element, String> {
        let start = Instant::now();
        loop {
            for e in self.find_all(css)? {
                if ok(self, &e) {
                    return Ok(e);
                }
            }
            if start.elapsed() > limit {
                return Err(format!(
                    "nothing matched `{css}` within {limit:?}; the page says: {}",
                    self.text_of("#message").unwrap_or_default()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn text(&self, e: &Element) -> Result<String, String> {
        let v = self.cmd("GET", &format!("/element/{}/text", e.0), None)?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    fn text_of(&self, css: &str) -> Result<String, String> {
        match self.find_all(css)?.first() {
            Some(e) => self.text(e),
            None => Ok(String::new()),
        }
    }

    pub fn attr(&self, e: &Element, name: &str) -> Result<Option<String>, String> {
        let v = self.cmd("GET", &format!("/element/{}/attribute/{name}", e.0), None)?;
        Ok(v.as_str().map(str::to_string))
    }

    pub fn type_into(&self, e: &Element, text: &str) -> Result<(), String> {
        self.cmd(
            "POST",
            &format!("/element/{}/value", e.0),
            Some(&json!({ "text": text })),
        )
        .map(drop)
    }

    pub fn click(&self, e: &Element) -> Result<(), String> {
        self.cmd("POST", &format!("/element/{}/click", e.0), Some(&json!({})))
            .map(drop)
    }

    /// The viewport as PNG bytes.
    pub fn screenshot(&self) -> Result<Vec<u8>, String> {
        let v = self.cmd("GET", "/screenshot", None)?;
        decode_base64(v.as_str().ok_or("the screenshot is not a string")?)
    }

    pub fn quit(self) {
        let _ = self.cmd("DELETE", "", None);
    }
}

/// One command; returns the answer's `value`, or the driver's error message.
fn call(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.write_all(body.as_bytes()))
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let (head, payload) = read_answer(&mut stream).map_err(|e| format!("{method} {path}: {e}"))?;
    let v: Value = serde_json::from_slice(&payload)
        .map_err(|e| format!("{method} {path}: the answer is not JSON ({e})"))?;
    let status_ok = head.starts_with("http/1.1 2");
    if !status_ok {
        return Err(format!(
            "{method} {path}: {} {}",
            v["value"]["error"], v["value"]["message"]
        ));
    }
    Ok(v["value"].clone())
}

/// Reads one answer: its header (lower-cased) and its body, by `Content-Length` or chunks (the
/// driver may keep the connection open, so reading to the end would wait).
fn read_answer(stream: &mut TcpStream) -> Result<(String, Vec<u8>), String> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let mut body_at = None;
    loop {
        if let Some(at) = body_at {
            let head = String::from_utf8_lossy(&raw[..at]).to_ascii_lowercase();
            let length = head.lines().find_map(|l| {
                l.strip_prefix("content-length:")
                    .and_then(|n| n.trim().parse::<usize>().ok())
            });
            let body = &raw[at + 4..];
            let done = match length {
                Some(n) => body.len() >= n,
                None => body.ends_with(b"0\r\n\r\n"),
            };
            if done {
                let mut body = body.to_vec();
                if length.is_none() {
                    body = dechunk(&body);
                }
                return Ok((head, body));
            }
        }
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the driver closed the connection mid-answer".into());
        }
        raw.extend_from_slice(&buf[..n]);
        if body_at.is_none() {
            body_at = raw.windows(4).position(|w| w == b"\r\n\r\n");
        }
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 || data.len() < eol + 2 + size {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[(eol + 4 + size).min(data.len())..];
    }
    out
}

fn decode_base64(s: &str) -> Result<Vec<u8>, String> {
    let digit = |c: u8| -> Result<u32, String> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("`{}` is not base64", c as char)),
        } as u32)
    };
    let bytes: Vec<u8> = s
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= digit(*c)? << (18 - 6 * i);
        }
        let take = chunk.len().saturating_sub(1);
        out.extend_from_slice(&n.to_be_bytes()[1..1 + take]);
    }
    Ok(out)
}
