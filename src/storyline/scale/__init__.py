"""Scale-out: analyse corpora that outgrow one machine with Apache Spark (optional extra)."""
