//! Distances on the sphere.

/// Great-circle distance in kilometres between two points given in degrees.
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    #[test]
    fn niamey_to_kandadji() {
        let d = super::km(13.51366, 2.1098, 14.62715, 0.97081);
        assert!((170.0..180.0).contains(&d), "{d}");
    }
}
