fn main() {
    authsec_console::boot();
}
