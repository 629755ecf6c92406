//! Prints every row of the crates.io crate rgeo 0.2.5 (GeoNames allCountries rows with a
//! population above 100) as name<TAB>lat<TAB>lon<TAB>country name: the `--rgeo-dump` input of
//! make_world.py. Build it in a throw-away crate with `rgeo = "0.2"` as its only dependency.

fn main() {
    let all = rgeo::nearest(0.0, 0.0, 5_000_000).unwrap();
    for (_, r) in all {
        println!("{}\t{}\t{}\t{}", r.name, r.latitude, r.longitude, r.country);
    }
}
