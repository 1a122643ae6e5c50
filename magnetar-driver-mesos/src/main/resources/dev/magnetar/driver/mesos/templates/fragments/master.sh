# A Mesos master: ZooKeeper (one member of the ensemble), the Mesos master and Marathon. Signals
# the masters' wait condition once a leader is elected and Marathon answers on this node.
master_main() {
    local index="__MASTER_INDEX__" my_ip id
    load_settings "__NODE_SETTINGS__"
    read_master_addresses "__MASTER_ADDRESSES__"
    if ! [[ "$index" =~ ^[0-9]+$ ]] || [ "$index" -ge "${#MASTER_IPS[@]}" ]; then
        fail "bad master index $index"
    fi
    my_ip=${MASTER_IPS[$index]}
    configure_proxies
    configure_repository
    install_packages zookeeperd mesos marathon python3 curl
    disable_units mesos-master mesos-slave marathon

    step "configuring ZooKeeper as member $((index + 1)) of ${#MASTER_IPS[@]}"
    printf '%s\n' "$((index + 1))" > /etc/zookeeper/conf/myid
    {
        printf 'tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\nclientPort=2181\n'
        for id in "${!MASTER_IPS[@]}"; do
            printf 'server.%d=%s:2888:3888\n' "$((id + 1))" "${MASTER_IPS[$id]}"
        done
    } > /etc/zookeeper/conf/zoo.cfg
    systemctl enable zookeeper
    systemctl restart zookeeper

    step "writing the Mesos master and Marathon flags"
    decode_to /etc/magnetar/mesos-master.env "__MASTER_FLAGS__"
    append_env /etc/magnetar/mesos-master.env MESOS_ZK "$(zk_url mesos)" MESOS_IP "$my_ip" MESOS_HOSTNAME "$my_ip"
    decode_to /etc/magnetar/marathon.env "__MARATHON_FLAGS__"
    append_env /etc/magnetar/marathon.env MARATHON_MASTER "$(zk_url mesos)" MARATHON_ZK "$(zk_url marathon)" \
        MARATHON_HOSTNAME "$my_ip"
    mkdir -p /var/lib/mesos/master
    run_service magnetar-mesos-master "$(binary mesos-master)" /etc/magnetar/mesos-master.env
    run_service magnetar-marathon "$(binary marathon)" /etc/magnetar/marathon.env

    wait_until "a Mesos leader is elected" json_test "http://$my_ip:5050/master/state" 's.get("leader")'
    wait_until "Marathon answers" curl -fsS --max-time 5 "http://$my_ip:8080/ping"
    signal SUCCESS "Mesos master ready" "$("$(binary mesos-master)" --version | awk '{print $2}')"
}

master_main
