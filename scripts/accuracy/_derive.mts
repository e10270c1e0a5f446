import { caseFile } from './occlusion-clips';
for (const id of process.argv.slice(2)) console.log(caseFile(id));
