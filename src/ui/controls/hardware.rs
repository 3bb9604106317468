//! HardwarePicker: presets, device rows with counts, a custom device, system RAM for offload
//! and the unified-memory GPU share; the usable memory is always visible.

use super::field::ParsedField;
use crate::engine::config::{self, DeviceChoice, DeviceRef, preset_devices};
use crate::engine::units::{format_gb, parse_memory_gb};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// Hint under the RAM field; the reserve is `RAM_RESERVED_FOR_OS_GB`.
const RAM_HINT: &str = "e.g. 128 GB; empty or 0 for none. 8 GB stays with the OS.";

#[component]
pub fn HardwarePicker() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let current_preset = move || {
        ctx.cfg.with(|c| {
            config::matching_preset(ds, &c.hardware)
                .map_or_else(|| "custom".to_string(), |p| p.id.clone())
        })
    };
    let on_preset = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(p) = ds.preset(&id) {
            ctx.update(|c| {
                c.hardware = preset_devices(p);
                clear_share_without_unified(c);
            });
        }
    };
    let any_unified = Memo::new(move |_| {
        ctx.analysis
            .with(|a| a.machine.units.iter().any(|u| u.unified))
    });
    let usable = move || {
        ctx.analysis.with(|a| {
            let m = &a.machine;
            format!(
                "{} usable on {} device{} ({} after each device's runtime overhead){}",
                format_gb(m.usable_gb()),
                m.units.len(),
                if m.units.len() == 1 { "" } else { "s" },
                format_gb(m.free_gb()),
                if m.offload_ram_gb > 0.0 {
                    format!(
                        ", plus {} of system RAM for offload",
                        format_gb(m.offload_ram_gb)
                    )
                } else {
                    String::new()
                }
            )
        })
    };
    let initial_share = ctx.cfg.with_untracked(|c| {
        c.gpu_share
            .map(|s| format!("{:.0}", s * 100.0))
            .unwrap_or_default()
    });
    let initial_ram = ctx.cfg.with_untracked(|c| {
        if c.ram_gb > 0.0 {
            format!("{}", c.ram_gb)
        } else {
            String::new()
        }
    });

    view! {
        <fieldset class="group" id="hardware">
            <legend>"Hardware"</legend>
            <super::hint::BrowserHint/>
            <div class="field">
                <label for="preset">"Preset"</label>
                <select id="preset" on:change=on_preset prop:value=current_preset>
                    {ds.presets.iter().map(|p| {
                        let label = if p.seed_tier_gb.is_some() { format!("{} · seed tier", p.name) } else { p.name.clone() };
                        view! { <option value=p.id.clone()>{label}</option> }
                    }).collect_view()}
                    <option value="custom" disabled=true>"Custom combination"</option>
                </select>
            </div>
            <DeviceRows/>
            <AddDevice/>
            <CustomDevice/>
            <ParsedField id="ram" label="System RAM for offload (discrete GPUs)" initial=initial_ram
                hint=RAM_HINT
                parse=move |text: &str| {
                    let t = text.trim();
                    let gb = if t.is_empty() || t == "0" { 0.0 } else { parse_memory_gb(t)? };
                    if gb > config::MAX_RAM_GB { return Err(format!("at most {} GB", config::MAX_RAM_GB)); }
                    ctx.update(|c| c.ram_gb = gb);
                    Ok(())
                }/>
            <Show when=move || any_unified.get()>
                <ParsedField id="gpu-share" label="GPU share of unified memory (%)" initial=initial_share.clone()
                    hint="Default: the device's figure (75% on Macs). Raise it if you raised the wired-memory limit."
                    parse=move |text: &str| {
                        let share = crate::engine::units::parse_gpu_share(text)?;
                        ctx.update(|c| c.gpu_share = share);
                        Ok(())
                    }/>
            </Show>
            <p id="usable" class="usable" aria-live="polite">{usable}</p>
            <p class="hint">"Several cards are never one pool: each holds whole layers plus its own runtime overhead. “GB in use” is memory taken before the model loads (a desktop on the card that drives the screen: 0.5 GB by default)."</p>
        </fieldset>
    }
}

/// The unified-memory share means nothing once no unified device is left: drop it, so it
/// neither lingers in the link nor changes answers invisibly.
fn clear_share_without_unified(c: &mut crate::engine::Config) {
    let ds = crate::engine::Dataset::bundled();
    let unified = c.hardware.iter().any(|d| match &d.device {
        DeviceRef::Known(id) => ds
            .device(id)
            .is_some_and(|d| d.kind == crate::engine::dataset::MemoryKind::Unified),
        DeviceRef::Custom { unified, .. } => *unified,
    });
    if !unified {
        c.gpu_share = None;
    }
}

/// " · withdrawn 2026-03-08" for a configuration that can no longer be bought, and
/// " · specs from a weak source" where only aggregators state them.
fn availability(d: &crate::engine::dataset::Device) -> String {
    let mut s = match (d.availability.as_deref(), d.availability_date) {
        (Some("withdrawn"), Some(date)) => format!(" · withdrawn {date}"),
        (Some("withdrawn"), None) => " · withdrawn".into(),
        _ => String::new(),
    };
    if d.weak_source {
        s.push_str(" · specs from a weak source");
    }
    s
}

/// One line per device row: which device, how many, remove.
#[component]
fn DeviceRows() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let rows = move || {
        ctx.cfg
            .with(|c| c.hardware.clone())
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    };
    view! {
        <ul class="device-rows" aria-label="Devices">
            <For each=rows key=|(i, d)| (*i, format!("{d:?}")) let:item>
                {
                    let (i, choice) = item;
                    let name = match &choice.device {
                        DeviceRef::Known(id) => ds.device(id).map_or_else(|| id.clone(), |d| format!("{} · {} GB · {} GB/s{}", d.name, d.memory_gb, d.bandwidth_gb_s, availability(d))),
                        DeviceRef::Custom { memory_gb, bandwidth_gb_s, unified } => format!("Custom {memory_gb} GB · {bandwidth_gb_s} GB/s{}", if *unified { " · unified" } else { "" }),
                    };
                    let count_id = format!("count-{i}");
                    let set_count = move |ev: leptos::ev::Event| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            let n = n.clamp(1, config::MAX_DEVICE_COUNT);
                            ctx.update(|c| if let Some(row) = c.hardware.get_mut(i) { row.count = n });
                        }
                    };
                    let reserved_id = format!("reserved-{i}");
                    let default_reserved = match &choice.device {
                        DeviceRef::Known(id) => ds.device(id).map_or(0.0, |d| crate::engine::hardware::default_reserved_gb(d, i == 0)),
                        DeviceRef::Custom { .. } => 0.0,
                    };
                    let reserved_value = choice.reserved_gb.map_or_else(String::new, |r| format!("{r}"));
                    let set_reserved = move |ev: leptos::ev::Event| {
                        let t = event_target_value(&ev);
                        let t = t.trim();
                        let value = if t.is_empty() {
                            Some(None)
                        } else {
                            t.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| Some(v.clamp(0.0, config::MAX_RESERVED_GB)))
                        };
                        if let Some(v) = value {
                            ctx.update(|c| if let Some(row) = c.hardware.get_mut(i) { row.reserved_gb = v });
                        }
                    };
                    let remove = move |_| ctx.update(|c| if c.hardware.len() > 1 && i < c.hardware.len() {
                        c.hardware.remove(i);
                        clear_share_without_unified(c);
                    });
                    view! {
                        <li class="device-row">
                            <span class="device-name">{name.clone()}</span>
                            <label for=count_id.clone() class="visually-hidden">{format!("Count of {name}")}</label>
                            <input id=count_id class="count" type="number" min="1" max=config::MAX_DEVICE_COUNT value=choice.count on:change=set_count/>
                            <label for=reserved_id.clone() class="visually-hidden">{format!("GB already in use on each {name} (empty: {default_reserved} GB)")}</label>
                            <input id=reserved_id class="reserved" type="number" min="0" step="0.1" max=config::MAX_RESERVED_GB
                                placeholder=format!("{default_reserved} GB in use") value=reserved_value on:change=set_reserved
                                title="GB already in use on each device of this row (a desktop session, another process); empty: the default"/>
                            <button type="button" class="remove" on:click=remove
                                disabled=move || ctx.cfg.with(|c| c.hardware.len() <= 1)
                                aria-label=format!("Remove {name}")>"✕"</button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

#[component]
fn AddDevice() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let choice = RwSignal::new(ds.devices.first().map(|d| d.id.clone()).unwrap_or_default());
    let add = move |_| {
        let id = choice.get_untracked();
        if ds.device(&id).is_none() {
            return;
        }
        ctx.update(|c| {
            if let Some(row) = c
                .hardware
                .iter_mut()
                .find(|r| r.device == DeviceRef::Known(id.clone()))
            {
                row.count = (row.count + 1).min(config::MAX_DEVICE_COUNT);
            } else if c.hardware.len() < config::MAX_DEVICE_ROWS {
                c.hardware.push(DeviceChoice {
                    device: DeviceRef::Known(id.clone()),
                    count: 1,
                    reserved_gb: None,
                });
            }
        });
    };
    view! {
        <div class="field inline">
            <label for="add-device-select">"Add a device"</label>
            <select id="add-device-select" on:change=move |ev| choice.set(event_target_value(&ev))>
                {ds.devices.iter().filter(|d| d.listed).map(|d| view! { <option value=d.id.clone()>{format!("{} ({} GB){}", d.name, d.memory_gb, availability(d))}</option> }).collect_view()}
            </select>
            <button id="add-device" type="button" on:click=add>"Add"</button>
        </div>
    }
}

/// A device the dataset does not have: memory and bandwidth as the user knows them.
#[component]
fn CustomDevice() -> impl IntoView {
    let ctx = use_ctx();
    let memory = RwSignal::new(None::<f64>);
    let bandwidth = RwSignal::new(None::<f64>);
    let unified = RwSignal::new(false);
    let add = move |_| {
        if let (Some(m), Some(b)) = (memory.get_untracked(), bandwidth.get_untracked()) {
            ctx.update(|c| {
                if c.hardware.len() < config::MAX_DEVICE_ROWS {
                    c.hardware.push(DeviceChoice {
                        device: DeviceRef::Custom {
                            memory_gb: m,
                            bandwidth_gb_s: b,
                            unified: unified.get_untracked(),
                        },
                        count: 1,
                        reserved_gb: None,
                    });
                }
            });
        }
    };
    view! {
        <details class="custom-device">
            <summary>"Custom device"</summary>
            <ParsedField id="custom-mem" label="Memory" initial=String::new() hint="e.g. 48 GB or 1.5 TB"
                parse=move |t: &str| {
                    let gb = parse_memory_gb(t)?;
                    if !(config::MIN_MEMORY_GB..=config::MAX_MEMORY_GB).contains(&gb) {
                        memory.set(None);
                        return Err(format!("between {} and {} GB", config::MIN_MEMORY_GB, config::MAX_MEMORY_GB));
                    }
                    memory.set(Some(gb));
                    Ok(())
                }/>
            <ParsedField id="custom-bw" label="Memory bandwidth (GB/s)" initial=String::new() hint="from the spec sheet, e.g. 936"
                parse=move |t: &str| {
                    let v = crate::engine::units::parse_bandwidth_gb_s(t);
                    bandwidth.set(v.as_ref().ok().copied());
                    v.map(|_| ())
                }/>
            <div class="field check">
                <input id="custom-unified" type="checkbox" on:change=move |ev| unified.set(event_target_checked(&ev))/>
                <label for="custom-unified">"Unified memory (shared with the CPU)"</label>
            </div>
            <button id="add-custom" type="button" on:click=add
                disabled=move || memory.get().is_none() || bandwidth.get().is_none()>"Add custom device"</button>
        </details>
    }
}
