# Options of the dcos-installer element (see README.rst). Sourced by diskimage-builder in every phase.

# Required: a local path or a URL (https://, http://, file://) of DC/OS 2.2's dcos_generate_config.sh.
export DIB_DCOS_INSTALLER=${DIB_DCOS_INSTALLER:-}
# Optional: the installer's SHA-256; the build stops when the file does not match.
export DIB_DCOS_INSTALLER_SHA256=${DIB_DCOS_INSTALLER_SHA256:-}
