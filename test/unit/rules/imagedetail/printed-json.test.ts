import type { Command, WrittenFile } from '../../../../src/core/config/buildspec.js';
import { printedJson, SAMPLE } from '../../../../src/core/rules/imagedetail/util.js';
import type { Node } from '../../../../src/core/types.js';

const node: Node = { type: 'string', value: '', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };

function written(text: string): WrittenFile {
  const command: Command = { phase: 'post_build', text, node };
  const offset = text.lastIndexOf('imageDetail.json');
  return { path: 'imageDetail.json', command, offset, how: 'redirect' };
}

describe('the JSON a buildspec command prints into imageDetail.json', () => {
  it.each([
    [`printf '{"ImageURI":"%s"}' $ECR_REPO:$IMAGE_TAG > imageDetail.json`, `{"ImageURI":"${SAMPLE}"}`],
    [`echo "{\\"ImageURI\\":\\"$ECR_REPO:$IMAGE_TAG\\"}" > imageDetail.json`, `{"ImageURI":"${SAMPLE}:${SAMPLE}"}`],
    [`printf '{"ImageURI":"$ECR_REPO"}' > imageDetail.json`, '{"ImageURI":"$ECR_REPO"}'],
    [`docker push $ECR_REPO:$IMAGE_TAG && printf '[{"imageUri":"%s"}]' "$URI" > imageDetail.json`, `[{"imageUri":"${SAMPLE}"}]`],
    [`printf '{"ImageURI":"'"$REPO"':latest"}' > imageDetail.json`, `{"ImageURI":"${SAMPLE}:latest"}`],
  ])('%s', (text, json) => {
    expect(printedJson(written(text))?.json).toBe(json);
  });

  it.each([
    `echo $DETAIL > imageDetail.json`,
    `printf "$(jq -n --arg u $URI '{ImageURI: $u}')" > imageDetail.json`,
    `jq -n --arg u "$URI" '{ImageURI: $u}' > imageDetail.json`,
    `printf '{"ImageURI":"%d"}' 1 > imageDetail.json`,
    `echo Writing > imageDetail.json`,
  ])('makes no guess about %s', (text) => {
    expect(printedJson(written(text))).toBeUndefined();
  });
});
