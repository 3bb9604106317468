//! ChartView: one ECharts instance per chart, created once and updated in place.

use crate::engine::dataset::Dataset;
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

fn to_js(chart: &Chart) -> Option<JsValue> {
    let text = serde_json::to_string(chart).ok()?;
    js_sys::JSON::parse(&text).ok()
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

    Effect::new(move |_| {
        let Some(js) = data.with(|d| to_js(&d.chart)) else {
            return;
        };
        let created = handle.with_value(|h| h.is_some());
        if !created {
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
        }
        handle.with_value(|h| {
            if let Some(chart) = h {
                chart.set_option_with(js, options(&[("notMerge", JsValue::TRUE)]));
            }
        });
        drawn.update(|n| *n += 1);
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
