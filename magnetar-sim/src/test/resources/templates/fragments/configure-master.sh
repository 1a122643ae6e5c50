#!/bin/sh
echo "master of $CLUSTER_NAME ($ADMIN_PASSWORD)"
