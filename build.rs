//! Rebuilds kb when a migration is added or edited: the migrations are
//! embedded at compile time by a macro, which cargo cannot see reading them.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
