# Options of the dcos-node element (see README.rst). Sourced by diskimage-builder in every phase.

# The driver's prerequisite list; empty means the copy in this repository's driver module.
export DIB_DCOS_PREREQUISITES=${DIB_DCOS_PREREQUISITES:-}
# A yum .repo file URL or a repository base URL holding the Docker packages. Required: the public
# repository may no longer carry the versions DC/OS 2.2 was qualified with.
export DIB_DCOS_DOCKER_REPO_URL=${DIB_DCOS_DOCKER_REPO_URL:-}
# The same default as the driver's docker_package setting; DC/OS 2.2 on CentOS 7 was qualified
# with Docker CE 19.03.5 and 18.09.9.
export DIB_DCOS_DOCKER_PACKAGE=${DIB_DCOS_DOCKER_PACKAGE:-docker-ce-19.03.15}
