//! The outside world: URL, history, local storage, clipboard, downloads, theme preference.
//! Every call is fallible and fails quietly (returning None/false): a browser without
//! storage or clipboard still gets a working page.

use wasm_bindgen::{JsCast, JsValue};

/// Local-storage key for the last configuration (stored as its query string).
pub const STORAGE_KEY: &str = "codefit.config.v1";
/// Local-storage key for the theme choice.
pub const THEME_KEY: &str = "codefit.theme";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string without the leading `?`.
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// Replaces the URL's query string without adding a history entry.
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The full URL of the page (for "Copy link").
pub fn href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Copies text to the clipboard; the promise's outcome is not awaited.
pub fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let clipboard = w.navigator().clipboard();
    let _ = clipboard.write_text(text);
    true
}

/// Whether the Web Share API is present.
pub fn can_share() -> bool {
    window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the system share sheet with the page URL.
pub fn share(title: &str, url: &str) {
    let Some(w) = window() else { return };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let _ = w.navigator().share_with_data(&data);
}

/// Saves `text` as a file through a temporary object URL.
pub fn download_text(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Clicks a temporary `<a download>` for `url`.
pub fn download_url(filename: &str, url: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(url);
    a.set_download(filename);
    a.click();
}

/// Whether the system prefers a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets `data-theme` on `<html>` ("light" / "dark").
pub fn apply_theme(dark: bool) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// Milliseconds from page start, for the in-page update timing.
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Sets the performance mark `name` (only the newest is kept).
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}

/// Leaves a `performance.measure` entry `name` from the mark of the same name to now (only
/// the newest is kept); the benchmark reads it.
pub fn measure_from_mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark(name, name);
    }
}

/// Today's date from the browser's clock (UTC), for the data's age. A clock that cannot be
/// read gives the dataset's newest date, so the page never claims stale data it cannot date.
pub fn today() -> Option<crate::engine::Date> {
    const MS_PER_DAY: f64 = 86_400_000.0;
    let days = (js_sys::Date::now() / MS_PER_DAY).floor();
    days.is_finite()
        .then(|| crate::engine::Date::from_days_since_epoch(days as i64))
        .flatten()
}

/// Runs `f` after the next frame has been painted: a task queued from an animation-frame
/// callback runs once that frame is on screen. What is not in the first viewport is built
/// this way, so the headline paints first.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// A string property of a JS object, or "".
fn js_str(obj: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// What the browser tells about the machine, read locally and never sent anywhere: the
/// platform, `navigator.deviceMemory`, and WebGPU's adapter information where the browser
/// exposes it (`navigator.gpu.requestAdapter()` resolves later, so `done` is called once with
/// everything known; without WebGPU it is called at once).
pub fn machine_hints(done: impl FnOnce(crate::engine::hints::Hints) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator: JsValue = window.navigator().into();
    let platform = {
        let data = js_sys::Reflect::get(&navigator, &JsValue::from_str("userAgentData"))
            .unwrap_or(JsValue::UNDEFINED);
        let p = if data.is_object() {
            js_str(&data, "platform")
        } else {
            String::new()
        };
        if p.is_empty() {
            js_str(&navigator, "platform")
        } else {
            p
        }
    };
    let device_memory_gb = js_sys::Reflect::get(&navigator, &JsValue::from_str("deviceMemory"))
        .ok()
        .and_then(|v| v.as_f64());
    let base = crate::engine::hints::Hints {
        platform,
        device_memory_gb,
        ..Default::default()
    };
    let gpu =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("gpu")).unwrap_or(JsValue::UNDEFINED);
    let request = js_sys::Reflect::get(&gpu, &JsValue::from_str("requestAdapter"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(request) = request.filter(|_| gpu.is_object()) else {
        done(base);
        return;
    };
    let promise = match request.call0(&gpu).map(js_sys::Promise::from) {
        Ok(p) => p,
        Err(_) => {
            done(base);
            return;
        }
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (ok_done, err_done) = (done.clone(), done);
    let ok_base = base.clone();
    let ok = Closure::once(move |adapter: JsValue| {
        let info = if adapter.is_object() {
            js_sys::Reflect::get(&adapter, &JsValue::from_str("info")).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        };
        let hints = if info.is_object() {
            crate::engine::hints::Hints {
                gpu_vendor: js_str(&info, "vendor"),
                gpu_architecture: js_str(&info, "architecture"),
                gpu_description: format!(
                    "{} {}",
                    js_str(&info, "description"),
                    js_str(&info, "device")
                ),
                ..ok_base
            }
        } else {
            ok_base
        };
        if let Some(f) = ok_done.borrow_mut().take() {
            f(hints);
        }
    });
    let err = Closure::once(move |_: JsValue| {
        if let Some(f) = err_done.borrow_mut().take() {
            f(base);
        }
    });
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}
