import { namesOf, PENDING_CONNECTION_ID, type ScaffoldOptions } from './options.js';

/**
 * aws/setup.sh: the seed's `aws` commands, wired to the scaffolded files.
 * Each step looks before it creates, so that a second run only updates.
 */
export function setupSh(o: ScaffoldOptions): string {
  const n = namesOf(o);
  const bucketConfig = o.region === 'us-east-1' ? '' : ` --create-bucket-configuration LocationConstraint="$REGION"`;
  const groups = [n.deploymentGroup, ...(o.staging ? [n.stagingDeploymentGroup] : [])];
  return `#!/usr/bin/env bash
# Creates (or updates) the AWS resources of ${n.pipeline} from the files next to it.
# Run from anywhere: bash aws/setup.sh. Needs the AWS CLI v2, credentials for
# account ${o.account}, and jq. Safe to run again.
set -euo pipefail

REGION="${o.region}"
ACCOUNT="${o.account}"
NAME="${o.name}"
cd "$(dirname "$0")/.."

export AWS_REGION="$REGION" AWS_PAGER=""
if [ "$(aws sts get-caller-identity --query Account --output text)" != "$ACCOUNT" ]; then
  echo "These credentials are not for account $ACCOUNT; switch profile (AWS_PROFILE=...) and run again" >&2
  exit 1
fi

# role NAME TRUST-FILE [POLICY-FILE]: create the role once, then keep its documents in sync
role() {
  if ! aws iam get-role --role-name "$1" >/dev/null 2>&1; then
    aws iam create-role --role-name "$1" --assume-role-policy-document "file://$2" >/dev/null
  else
    aws iam update-assume-role-policy --role-name "$1" --policy-document "file://$2"
  fi
  if [ -n "\${3:-}" ]; then
    aws iam put-role-policy --role-name "$1" --policy-name "$1" --policy-document "file://$3"
  fi
}

echo "== ECR repository $NAME"
aws ecr describe-repositories --repository-names "$NAME" >/dev/null 2>&1 ||
  aws ecr create-repository --repository-name "$NAME" --image-scanning-configuration scanOnPush=true >/dev/null

echo "== Artifact bucket ${n.bucket}"
if ! aws s3api head-bucket --bucket "${n.bucket}" 2>/dev/null; then
  aws s3api create-bucket --bucket "${n.bucket}"${bucketConfig} >/dev/null
  aws s3api put-public-access-block --bucket "${n.bucket}" \\
    --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
fi

echo "== GitHub connection ${n.connectionName}"
CONNECTION_ARN="$(jq -r '.pipeline.stages[0].actions[0].configuration.ConnectionArn' pipeline.json)"
if [[ "$CONNECTION_ARN" == *${PENDING_CONNECTION_ID} ]]; then
  CONNECTION_ARN="$(aws codestar-connections list-connections --provider-type-filter GitHub \\
    --query "Connections[?ConnectionName=='${n.connectionName}'].ConnectionArn | [0]" --output text)"
  if [ -z "$CONNECTION_ARN" ] || [ "$CONNECTION_ARN" = "None" ]; then
    CONNECTION_ARN="$(aws codestar-connections create-connection --provider-type GitHub --connection-name "${n.connectionName}" --query ConnectionArn --output text)"
  fi
  # The pipeline and its role name the connection: write its ARN into both (then commit them)
  ID="\${CONNECTION_ARN##*/}"
  sed -i.bak "s|connection/${PENDING_CONNECTION_ID}|connection/$ID|g" pipeline.json aws/iam/codepipeline-policy.json
  rm -f pipeline.json.bak aws/iam/codepipeline-policy.json.bak
fi
if [ "$(aws codestar-connections get-connection --connection-arn "$CONNECTION_ARN" --query Connection.ConnectionStatus --output text)" != "AVAILABLE" ]; then
  echo "   $CONNECTION_ARN is PENDING: complete it in the console (Developer Tools > Settings > Connections)" >&2
fi

echo "== IAM roles"
role "${n.roles.execution}" aws/iam/task-execution-trust.json aws/iam/task-execution-policy.json
role "${n.roles.codebuild}" aws/iam/codebuild-trust.json aws/iam/codebuild-policy.json
role "${n.roles.codepipeline}" aws/iam/codepipeline-trust.json aws/iam/codepipeline-policy.json
role "${n.roles.codedeploy}" aws/iam/codedeploy-trust.json
aws iam attach-role-policy --role-name "${n.roles.codedeploy}" --policy-arn arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS
if ! aws iam list-open-id-connect-providers --query 'OpenIDConnectProviderList[].Arn' --output text | grep -q token.actions.githubusercontent.com; then
  aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com >/dev/null
fi
role "${n.roles.github}" aws/iam/github-actions-trust.json aws/iam/github-actions-policy.json

echo "== CodeBuild project ${n.buildProject}"
if [ "$(aws codebuild batch-get-projects --names "${n.buildProject}" --query 'length(projects)' --output text)" = "0" ]; then
  aws codebuild create-project --cli-input-json file://aws/codebuild-project.json >/dev/null
else
  aws codebuild update-project --cli-input-json file://aws/codebuild-project.json >/dev/null
fi

echo "== CodeDeploy application ${n.application}"
aws deploy get-application --application-name "${n.application}" >/dev/null 2>&1 ||
  aws deploy create-application --application-name "${n.application}" --compute-platform ECS >/dev/null
for GROUP in ${groups.join(' ')}; do
  if ! aws deploy get-deployment-group --application-name "${n.application}" --deployment-group-name "$GROUP" >/dev/null 2>&1; then
    # It needs the ECS cluster and service, the ALB listener and two ip target groups: only you know them
    cat >&2 <<DG
   Deployment group $GROUP does not exist yet. It needs your ECS cluster and service
   (deployment controller CODE_DEPLOY), an ALB listener and two target groups of type ip, e.g.:
   aws deploy create-deployment-group --application-name ${n.application} --deployment-group-name $GROUP \\\\
     --service-role-arn ${n.roleArn(n.roles.codedeploy)} \\\\
     --deployment-config-name CodeDeployDefault.ECSAllAtOnce \\\\
     --deployment-style deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL \\\\
     --blue-green-deployment-configuration 'terminateBlueInstancesOnDeploymentSuccess={action=TERMINATE,terminationWaitTimeInMinutes=5},deploymentReadyOption={actionOnTimeout=CONTINUE_DEPLOYMENT}' \\\\
     --ecs-services clusterName=CLUSTER,serviceName=SERVICE \\\\
     --load-balancer-info 'targetGroupPairInfoList=[{targetGroups=[{name=BLUE_TG},{name=GREEN_TG}],prodTrafficRoute={listenerArns=[LISTENER_ARN]}}]'
DG
  fi
done

echo "== Pipeline ${n.pipeline}"
if aws codepipeline get-pipeline --name "${n.pipeline}" >/dev/null 2>&1; then
  aws codepipeline update-pipeline --cli-input-json file://pipeline.json >/dev/null
else
  aws codepipeline create-pipeline --cli-input-json file://pipeline.json >/dev/null
fi

echo "Done. The GitHub workflow assumes arn:aws:iam::$ACCOUNT:role/${n.roles.github}."
`;
}
