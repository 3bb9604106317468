//! ChartView: one ECharts instance per chart, created once and updated in place.

use crate::engine::Dataset;
use crate::ui::app::use_ctx;
use crate::ui::browser;
use charming::Chart;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance. The option objects come from charming's `Chart` through
    /// serde_json (one serializer in the binary, not two, which keeps the WASM smaller than
    /// charming's own `WasmRenderer`, which serializes through serde-wasm-bindgen).
    type Instance;
    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init(element: &web_sys::Element) -> Instance;
    /// `setOption(option, { notMerge: true })`: series come and go with the data, so the
    /// option replaces the previous one (the instance stays).
    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_with(this: &Instance, option: JsValue, opts: JsValue);
    #[wasm_bindgen(method, js_name = on)]
    fn on(this: &Instance, event: &str, handler: &js_sys::Function);
    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);
    #[wasm_bindgen(method)]
    fn resize(this: &Instance);
    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &Instance, opts: JsValue) -> String;
}

/// The click handler kept alive as long as its chart.
type ClickHandler = Closure<dyn FnMut(JsValue)>;

/// A chart's option plus its text alternative (a small table).
pub struct ChartData {
    pub chart: Chart,
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

#[component]
pub fn ChartView(
    id: &'static str,
    kind: &'static str,
    title: &'static str,
    data: Signal<ChartData>,
) -> impl IntoView {
    let ctx = use_ctx();
    let handle: StoredValue<Option<Instance>, LocalStorage> = StoredValue::new_local(None);
    let click: StoredValue<Option<ClickHandler>, LocalStorage> = StoredValue::new_local(None);
    let drawn = RwSignal::new(0u32);

    // The newest option (as JSON text) and the one the chart shows: an update whose option
    // is unchanged costs nothing in ECharts.
    let latest: StoredValue<String, LocalStorage> = StoredValue::new_local(String::new());
    let shown: StoredValue<String, LocalStorage> = StoredValue::new_local(String::new());
    let pending = StoredValue::new_local(false);
    let apply = move || {
        let text = latest.get_value();
        if text != shown.get_value() {
            let parsed = js_sys::JSON::parse(&text).ok();
            handle.with_value(|h| {
                if let (Some(chart), Some(js)) = (h, parsed) {
                    // No animation: updates follow typing, and each frame of an animation
                    // would redraw every chart.
                    let _ =
                        js_sys::Reflect::set(&js, &JsValue::from_str("animation"), &JsValue::FALSE);
                    chart.set_option_with(js, options(&[("notMerge", JsValue::TRUE)]));
                }
            });
            shown.set_value(text);
        }
        // Counts updates processed (the e2e and benchmark suites wait on it).
        drawn.update(|n| *n += 1);
    };
    let create = move || {
        let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        let chart = init(&element);
        // Clicking a point, bar or label selects that model everywhere.
        let cb = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            let name = js_sys::Reflect::get(&params, &JsValue::from_str("name"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            if let Some(m) = Dataset::bundled().model_named(&name) {
                let id = m.id.clone();
                ctx.update(|c| c.selected = Some(id));
            }
        });
        chart.on("click", cb.as_ref().unchecked_ref());
        click.set_value(Some(cb));
        handle.set_value(Some(chart));
    };

    Effect::new(move |_| {
        let Some(text) = data.with(|d| serde_json::to_string(&d.chart).ok()) else {
            return;
        };
        latest.set_value(text);
        if handle.with_value(Option::is_some) {
            apply();
        } else if !pending.get_value() {
            // The first draw waits one frame, so the headline and table paint before the
            // charts are built.
            pending.set_value(true);
            request_animation_frame(move || {
                create();
                pending.set_value(false);
                apply();
            });
        }
    });

    let resize = window_event_listener(leptos::ev::resize, move |_| {
        handle.with_value(|h| {
            if let Some(chart) = h {
                chart.resize();
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        handle.update_value(|h| {
            if let Some(chart) = h.take() {
                chart.dispose();
            }
        });
        click.set_value(None);
    });

    let export_png = move |_| {
        let bg = if ctx.dark.get_untracked() {
            "#0f172a"
        } else {
            "#ffffff"
        };
        let url = handle.with_value(|h| {
            h.as_ref().map(|c| {
                c.get_data_url(options(&[
                    ("type", JsValue::from_str("png")),
                    ("pixelRatio", JsValue::from_f64(2.0)),
                    ("backgroundColor", JsValue::from_str(bg)),
                ]))
            })
        });
        if let Some(url) = url {
            browser::download_url(&format!("codefit-{kind}.png"), &url);
        }
    };
    let caption_id = format!("{id}-caption");
    view! {
        <figure class="chart-card" data-chart=kind>
            <div class="card-head">
                <h3>{title}</h3>
                <button type="button" class="export-png" on:click=export_png aria-label=format!("Download “{title}” as PNG")>"PNG"</button>
            </div>
            <div id=id class="chart" role="img" aria-describedby=caption_id.clone()
                aria-label=move || data.with(|d| format!("{title}. {}", d.caption)) data-drawn=move || drawn.get()></div>
            <figcaption id=caption_id>{move || data.with(|d| d.caption.clone())}</figcaption>
            <details class="chart-table">
                <summary>"Data table"</summary>
                <div class="table-wrap">
                    <table>
                        <thead><tr>{move || data.with(|d| d.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}</tr></thead>
                        <tbody>{move || data.with(|d| d.rows.iter().map(|r| view! {
                            <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                        }).collect_view())}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
