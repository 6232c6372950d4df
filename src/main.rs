//! The CPOR Desk web app's entry point; everything lives in the library.

fn main() {
    cpor_desk::start();
}
