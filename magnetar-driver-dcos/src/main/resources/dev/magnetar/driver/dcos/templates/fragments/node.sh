# A DC/OS master or agent: installs from the bootstrap server, then waits until DC/OS's own
# post-start checks pass, so the wait condition means "DC/OS is healthy here", not "VM booted".
node_main() {
    local role="__DCOS_ROLE__" bootstrap_url
    load_settings "__NODE_SETTINGS__"
    bootstrap_url="http://__BOOTSTRAP_ADDRESS__:${BOOTSTRAP_PORT}"
    install_prerequisites "${DCOS_PREREQ_COMMANDS[@]}"
    wait_for_time_sync
    prepare_os
    if [ "$role" != "master" ]; then
        step "writing the agent flags file"
        decode_to /var/lib/dcos/mesos-slave-common "__AGENT_FLAGS__"
    fi
    step "fetching dcos_install.sh from the bootstrap server"
    mkdir -p /tmp/dcos
    curl -fsS --retry 60 --retry-delay 10 --retry-connrefused -o /tmp/dcos/dcos_install.sh \
        "$bootstrap_url/dcos_install.sh"
    step "running dcos_install.sh $role"
    (cd /tmp/dcos && bash dcos_install.sh "$role")
    step "waiting for DC/OS post-start checks"
    local tries=0
    until /opt/mesosphere/bin/dcos-check-runner check node-poststart > /tmp/dcos/poststart.log 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -ge "${HEALTH_CHECK_ATTEMPTS}" ]; then
            signal FAILURE "DC/OS checks still failing on $role: $(tail -n 1 /tmp/dcos/poststart.log)"
            exit 1
        fi
        sleep 20
    done
    if [ "$role" = "master" ] && [ -n "${LOCAL_UNIVERSE_REPOSITORY:-}" ]; then
        step "adding the local Universe to Cosmos"
        local_universe_add "$bootstrap_url/universe/repo.json"
    fi
    install_upgrade_watcher "$role" "$bootstrap_url"
    signal SUCCESS "DC/OS healthy on $role" "$(docker version --format '{{.Server.Version}}')"
}

node_main
