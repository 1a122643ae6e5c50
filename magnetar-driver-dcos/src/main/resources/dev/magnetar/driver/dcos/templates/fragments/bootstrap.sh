# Bootstrap server: runs dcos_generate_config.sh --genconf once and serves genconf/serve over
# HTTP to the cluster (the DC/OS 2.2 advanced install), with the local Universe when the cluster
# has one (local-universe.sh). Heat replaces the __UPPER__ tokens.
bootstrap_main() {
    load_settings "__NODE_SETTINGS__"
    install_prerequisites "${DCOS_PREREQ_COMMANDS[@]}" "${DCOS_BOOTSTRAP_COMMANDS[@]}"
    wait_for_time_sync
    prepare_os
    local installer_dir genconf bootstrap_ip master_ips lb_address
    installer_dir=$(dirname "$DCOS_INSTALLER_PATH")
    genconf="$installer_dir/genconf"
    step "fetching the DC/OS installer"
    mkdir -p "$genconf"
    if [ -n "${DCOS_INSTALLER_URL}" ]; then
        curl -fsSL --retry 5 -o "$DCOS_INSTALLER_PATH" "${DCOS_INSTALLER_URL}"
    elif [ ! -s "$DCOS_INSTALLER_PATH" ]; then
        signal FAILURE "no dcos_installer_url and no $DCOS_INSTALLER_PATH in the image"
        exit 1
    fi
    step "writing genconf"
    decode_to "$genconf/config.yaml" "__DCOS_CONFIG__"
    decode_to "$genconf/ip-detect" "__IP_DETECT__"
    decode_to "$genconf/ip-detect-public" "__IP_DETECT_PUBLIC__"
    bootstrap_ip=$(bash "$genconf/ip-detect")
    is_ipv4 "$bootstrap_ip"
    printf 'bootstrap_url: "http://%s:%s"\n' "$bootstrap_ip" "${BOOTSTRAP_PORT}" >> "$genconf/config.yaml"
    if [ "${MASTER_DISCOVERY}" = "static" ]; then
        master_ips="__MASTER_IPS__"
        local quoted=() ip
        IFS=',' read -r -a ips <<< "$master_ips"
        for ip in "${ips[@]}"; do
            is_ipv4 "$ip"
            quoted+=("\"$ip\"")
        done
        printf 'master_list: [%s]\n' "$(IFS=','; printf '%s' "${quoted[*]}")" >> "$genconf/config.yaml"
    else
        lb_address="__LB_ADDRESS__"
        is_ipv4 "$lb_address"
        printf 'exhibitor_address: "%s"\n' "$lb_address" >> "$genconf/config.yaml"
    fi
    step "running dcos_generate_config.sh --genconf"
    (cd "$installer_dir" && bash "$DCOS_INSTALLER_PATH" --genconf)
    local exec_start="/usr/bin/python3 -m http.server ${BOOTSTRAP_PORT}" universe_type
    if [ -n "${LOCAL_UNIVERSE_REPOSITORY:-}" ]; then
        step "preparing the local Universe"
        universe_type=$(local_universe_prepare "$genconf/serve" "http://$bootstrap_ip:${BOOTSTRAP_PORT}")
        local_universe_server /etc/magnetar/bootstrap-http.py
        exec_start="/usr/bin/python3 /etc/magnetar/bootstrap-http.py ${BOOTSTRAP_PORT} \"${universe_type}\""
    fi
    step "serving genconf/serve"
    cat > /etc/systemd/system/dcos-bootstrap-http.service <<UNIT
[Unit]
Description=Serves the DC/OS install files to the cluster
After=network-online.target
[Service]
WorkingDirectory=$genconf/serve
ExecStart=${exec_start}
Restart=always
[Install]
WantedBy=multi-user.target
UNIT
    systemctl daemon-reload
    systemctl enable --now dcos-bootstrap-http
    install_upgrade_watcher bootstrap "" "$installer_dir"
    local version
    version=$(cd "$installer_dir" && bash "$DCOS_INSTALLER_PATH" --version 2> /dev/null \
        | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' | head -n 1)
    signal SUCCESS "DC/OS install files served" "${version:-unknown}"
}

bootstrap_main
