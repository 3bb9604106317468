//! ChartView: one ECharts instance per chart, created once and updated in place.

use crate::ui::browser;
use crate::ui::ctx::use_ctx;
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

/// A chart's option plus its text alternative (a small table), as a chart builder makes it.
pub struct ChartData {
    pub chart: Chart,
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What a chart shows: its option serialized once, and its text alternative. Comparable, so a
/// change that leaves a chart as it was stops at its memo (no caption, table or ECharts work).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub option_json: String,
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl From<ChartData> for Shown {
    fn from(d: ChartData) -> Self {
        Shown {
            option_json: without_label_collisions(&d.chart),
            caption: d.caption,
            headers: d.headers,
            rows: d.rows,
        }
    }
}

/// The option as JSON, with every labelled series told to hide a label that would overlap
/// another (ECharts' `labelLayout.hideOverlap`, after moving it vertically first): charming
/// 0.6's `Scatter` has no setter for it, and a point's name beside 60 close points otherwise
/// prints over its neighbours. A hidden label stays in the tooltip and the data table.
fn without_label_collisions(chart: &Chart) -> String {
    let Ok(mut option) = serde_json::to_value(chart) else {
        return String::new();
    };
    if let Some(series) = option.get_mut("series").and_then(|s| s.as_array_mut()) {
        for s in series {
            let labelled = s
                .get("label")
                .and_then(|l| l.get("show"))
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false);
            if let Some(obj) = s.as_object_mut().filter(|_| labelled) {
                obj.insert(
                    "labelLayout".into(),
                    serde_json::json!({ "hideOverlap": true, "moveOverlap": "shiftY" }),
                );
            }
        }
    }
    option.to_string()
}

thread_local! {
    /// Charts whose option changed, drawn together in the next animation frame.
    static DRAW_QUEUE: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The name of the `performance.measure` entry each batched draw leaves (the benchmark adds
/// it to the change's own task time).
pub const DRAW_MEASURE: &str = "codefit:charts";

/// Queues a chart's draw for the next animation frame. The frame draws every queued chart one
/// after the other once all of the change's DOM updates are done: ECharts reads the layout in
/// `setOption`, and reading it between DOM updates forced a new layout of the whole page for
/// each chart (≈ 100 ms per change with the page's tables).
fn queue_draw(draw: impl FnOnce() + 'static) {
    let first = DRAW_QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.push(Box::new(draw));
        q.len() == 1
    });
    if first {
        request_animation_frame(|| {
            browser::mark(DRAW_MEASURE);
            let draws = DRAW_QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
            for draw in draws {
                draw();
            }
            browser::measure_from_mark(DRAW_MEASURE);
        });
    }
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
    data: Memo<Shown>,
) -> impl IntoView {
    let ctx = use_ctx();
    let handle: StoredValue<Option<Instance>, LocalStorage> = StoredValue::new_local(None);
    let click: StoredValue<Option<ClickHandler>, LocalStorage> = StoredValue::new_local(None);
    let drawn = RwSignal::new(0u32);

    // The option the chart shows; the memo already stops unchanged options, this catches an
    // option that comes back to the one drawn.
    let shown: StoredValue<String, LocalStorage> = StoredValue::new_local(String::new());
    let pending = StoredValue::new_local(false);
    let apply = move || {
        let text = data.with_untracked(|d| d.option_json.clone());
        if !text.is_empty() && text != shown.get_value() {
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
            if let Some(m) = ctx.dataset().model_named(&name) {
                let id = m.id.clone();
                ctx.update(|c| c.selected = Some(id));
            }
        });
        chart.on("click", cb.as_ref().unchecked_ref());
        click.set_value(Some(cb));
        handle.set_value(Some(chart));
    };

    Effect::new(move |_| {
        data.track();
        if handle.with_value(Option::is_some) {
            queue_draw(apply);
        } else if !pending.get_value() {
            // The first draw waits until the first frame is painted, so the headline paints
            // before the charts are built (creating five ECharts instances is a long task).
            pending.set_value(true);
            browser::after_paint(move || {
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
