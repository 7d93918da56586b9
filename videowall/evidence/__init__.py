"""Evidence export: plan (validate) → ExportJob (remux, framehash, manifest, CMS signature, write,
read back, rename) → verify_package; signing keys; destinations. See docs/design/evidence-export.md."""
