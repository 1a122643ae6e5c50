#!/usr/bin/env bash
# Builds the DC/OS 2.2 node image for the dcos_centos_v1 driver with diskimage-builder:
# CentOS 7, an XFS root made with ftype=1 and only features the CentOS 7 kernel mounts, the
# dcos-node element and, when DIB_DCOS_INSTALLER is set, the DC/OS installer baked in.
#
#   DIB_DCOS_DOCKER_REPO_URL=<yum repo> image/build-dcos-image.sh [OUTPUT]
#
# OUTPUT defaults to dcos-centos-7 (diskimage-builder writes OUTPUT.qcow2). Every DIB_* variable
# of the elements' README.rst files and of diskimage-builder itself passes through.
set -o nounset -o errexit -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
output=${1:-dcos-centos-7}

# ftype=1 for overlay2; crc and finobt are what CentOS 7 formats with; reflink, rmapbt, bigtime,
# inobtcount and sparse inodes are newer xfsprogs defaults that the CentOS 7 kernel cannot mount.
MKFS_OPTIONS="-n ftype=1 -m crc=1,finobt=1,reflink=0,rmapbt=0,bigtime=0,inobtcount=0 -i sparse=0"

elements=(centos vm dcos-node)
if [ -n "${DIB_DCOS_INSTALLER:-}" ]; then
    elements+=(dcos-installer)
fi

export DIB_RELEASE=7
export FS_TYPE=xfs
export ELEMENTS_PATH="$here/elements${ELEMENTS_PATH:+:$ELEMENTS_PATH}"

exec disk-image-create -t qcow2 --mkfs-options "$MKFS_OPTIONS" -o "$output" "${elements[@]}"
