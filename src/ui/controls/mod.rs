//! The settings: hardware, workload, ranking and data date. Each writes into the one `Config`.

mod data_date;
pub mod field;
mod hardware;
mod hint;
mod own_model;
mod ranking;
mod runtime;
mod workload;

pub use data_date::DataDateControl;
pub use hardware::HardwarePicker;
pub use own_model::OwnModelPanel;
pub use ranking::RankingControls;
pub use runtime::RuntimeControls;
pub use workload::WorkloadControls;
