#!/usr/bin/env bash
# Make a busybox image as a tarball that both `ctr image import` / `podman load`
# (OCI image layout) and `docker load` (docker-archive: manifest.json) accept.
# No registry is contacted: the layer is a static busybox with its applet links.
#
#   scripts/mkimage.sh OUT.tar [NAME:TAG]     (default strata/busybox:latest)
set -euo pipefail

out=${1:?usage: scripts/mkimage.sh OUT.tar [NAME:TAG]}
ref=${2:-strata/busybox:latest}
busybox=${BUSYBOX:-/bin/busybox}
[[ -x "$busybox" ]] || { echo "mkimage: $busybox not found (install busybox-static)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root"/{bin,etc,tmp,root,proc,sys,dev}
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [[ "$applet" == busybox ]] || ln -sf busybox "$root/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

blobs=$work/image/blobs/sha256
mkdir -p "$blobs"
# A reproducible layer: fixed owner, order and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2024-01-01 00:00:00Z' \
  -C "$root" -cf "$work/layer.tar" .
layer=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mv "$work/layer.tar" "$blobs/$layer"
layer_size=$(stat -c %s "$blobs/$layer")

jq -nc --arg diff "sha256:$layer" '{
  architecture: "amd64", os: "linux", created: "2024-01-01T00:00:00Z",
  config: {Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], Cmd: ["sh"], WorkingDir: "/"},
  rootfs: {type: "layers", diff_ids: [$diff]},
  history: [{created: "2024-01-01T00:00:00Z", created_by: "strata scripts/mkimage.sh"}]}' >"$work/config.json"
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$blobs/$config"
config_size=$(stat -c %s "$blobs/$config")

jq -nc --arg c "sha256:$config" --argjson cs "$config_size" --arg l "sha256:$layer" --argjson ls "$layer_size" '{
  schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
  config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $c, size: $cs},
  layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar", digest: $l, size: $ls}]}' >"$work/manifest.json"
manifest=$(sha256sum "$work/manifest.json" | cut -d' ' -f1)
manifest_size=$(stat -c %s "$work/manifest.json")
mv "$work/manifest.json" "$blobs/$manifest"

name=${ref%:*}
tag=${ref##*:}
case "$name" in */*/*|*.*/*) full=$name ;; */*) full=docker.io/$name ;; *) full=docker.io/library/$name ;; esac
jq -nc --arg m "sha256:$manifest" --argjson ms "$manifest_size" --arg ref "$full:$tag" --arg tag "$tag" '{
  schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json",
  manifests: [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $m, size: $ms,
    annotations: {"io.containerd.image.name": $ref, "org.opencontainers.image.ref.name": $tag}}]}' >"$work/image/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' >"$work/image/oci-layout"
# docker-archive's manifest, pointing at the same blobs.
jq -nc --arg c "blobs/sha256/$config" --arg l "blobs/sha256/$layer" --arg ref "$ref" \
  '[{Config: $c, RepoTags: [$ref], Layers: [$l]}]' >"$work/image/manifest.json"

tar --sort=name --owner=0 --group=0 --numeric-owner -C "$work/image" -cf "$out" .
echo "$out: $ref (layer sha256:$layer)"
