export const ROLES = ['admin', 'bureau', 'department', 'entity', 'commissioner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_INFO: Record<Role, { name: string; description: string; scope: string }> = {
  admin: { name: '系统管理员', description: '平台运维与用户管理，可访问全部数据', scope: '全部' },
  bureau: {
    name: '科技管理部门',
    description: '自治区、盟市、旗县科技管理部门工作人员：管理本级及下级的政策、督办、监测与资源',
    scope: '本单位及下级',
  },
  department: {
    name: '责任部门',
    description: '承担任务的部门（财政局、农牧局、乡镇人民政府等）：签收、报送进展、上传佐证材料',
    scope: '本部门牵头或配合的事项',
  },
  entity: {
    name: '企业/机构',
    description: '企业、园区、孵化器、高校院所：维护本单位资源信息、需求与成果',
    scope: '本单位',
  },
  commissioner: {
    name: '科技特派员',
    description: '科技特派员与专家：维护个人信息、服务记录，响应指派的需求',
    scope: '本人',
  },
};
