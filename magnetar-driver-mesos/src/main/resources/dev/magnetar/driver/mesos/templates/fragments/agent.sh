# A Mesos agent: Docker, optionally REX-Ray, and the Mesos agent with the flags Magnetar rendered.
# Signals its wait condition only once the elected master has registered it.
agent_main() {
    local my_ip="__AGENT_ADDRESS__"
    load_settings "__NODE_SETTINGS__"
    read_master_addresses "__MASTER_ADDRESSES__"
    is_ipv4 "$my_ip" || fail "agent address is not IPv4: $my_ip"
    configure_proxies
    prepare_docker_volume "__DOCKER_VOLUME_ID__" ext4 -q
    configure_repository
    install_packages docker.io mesos python3 curl
    disable_units mesos-master mesos-slave zookeeper
    systemctl enable --now docker

    if [ "$REXRAY_ENABLED" = "true" ]; then
        step "starting REX-Ray for Cinder volumes"
        decode_to /etc/rexray/config.yml "__REXRAY_CONFIG__"
        install_packages rexray
        systemctl enable rexray
        systemctl restart rexray
    fi

    step "writing the Mesos agent flags"
    decode_to /etc/magnetar/mesos-agent.env "__AGENT_FLAGS__"
    append_env /etc/magnetar/mesos-agent.env MESOS_MASTER "$(zk_url mesos)" MESOS_IP "$my_ip" \
        MESOS_HOSTNAME "$my_ip"
    # KillMode=process keeps executors running across an agent restart, so it can recover them.
    run_service magnetar-mesos-agent "$(binary mesos-agent mesos-slave)" /etc/magnetar/mesos-agent.env \
        "KillMode=process
Delegate=true"

    wait_until "the agent is registered with the master" \
        json_test "http://$my_ip:5051/metrics/snapshot" 's.get("slave/registered") == 1'
    signal SUCCESS "Mesos agent registered" "$(docker version --format '{{.Server.Version}}')"
}

agent_main
